// INCR key
import { incrBy } from "../incr-by";

export function run(_argc: i32, argv: usize): void { incrBy(argv, 1); }
