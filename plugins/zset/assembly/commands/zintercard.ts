// ZINTERCARD numkeys key [key ...] [LIMIT limit]
import { setop, OP_INTER } from "../setop";

export function run(argc: i32, argv: usize): void {
  setop(argc, argv, 1, OP_INTER, false, true, "ERR at least 1 input key is needed for 'zintercard' command");
}
