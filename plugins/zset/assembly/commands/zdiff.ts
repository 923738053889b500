// ZDIFF numkeys key [key ...] [WITHSCORES]
import { setop, OP_DIFF } from "../setop";

export function run(argc: i32, argv: usize): void {
  setop(argc, argv, 1, OP_DIFF, false, false, "ERR at least 1 input key is needed for 'zdiff' command");
}
