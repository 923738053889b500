// ZLEXCOUNT key min max
import { zcount } from "../count";

export function run(_argc: i32, argv: usize): void { zcount(argv, true); }
