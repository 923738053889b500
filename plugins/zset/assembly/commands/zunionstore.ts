// ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX]
import { setop, OP_UNION } from "../setop";

export function run(argc: i32, argv: usize): void {
  setop(argc, argv, 2, OP_UNION, true, false, "ERR at least 1 input key is needed for 'zunionstore' command");
}
