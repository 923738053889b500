// ZUNION numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]
import { setop, OP_UNION } from "../setop";

export function run(argc: i32, argv: usize): void {
  setop(argc, argv, 1, OP_UNION, false, false, "ERR at least 1 input key is needed for 'zunion' command");
}
