// ZDIFFSTORE destination numkeys key [key ...]
import { setop, OP_DIFF } from "../setop";

export function run(argc: i32, argv: usize): void {
  setop(argc, argv, 2, OP_DIFF, true, false, "ERR at least 1 input key is needed for 'zdiffstore' command");
}
