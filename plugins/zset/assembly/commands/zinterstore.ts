// ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX]
import { setop, OP_INTER } from "../setop";

export function run(argc: i32, argv: usize): void {
  setop(argc, argv, 2, OP_INTER, true, false, "ERR at least 1 input key is needed for 'zinterstore' command");
}
