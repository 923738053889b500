// ZREVRANK key member [WITHSCORE]
import { zrank } from "../rank";

export function run(argc: i32, argv: usize): void { zrank(argc, argv, true); }
