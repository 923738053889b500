// GET key
import { replyFound, findString } from "../string-key";

export function run(_argc: i32, argv: usize): void {
  replyFound(findString(argv, 1));
}
