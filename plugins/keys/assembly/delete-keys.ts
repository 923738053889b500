// DEL and UNLINK answer the same thing. Values live in their owners' memory and are freed on the spot
// (a plugin's free is one heap.free), so UNLINK has nothing to defer to a background thread.
import { keyDeleteArg, replyInt } from "ferrite-sdk";

export function deleteKeys(argc: i32, argv: usize): void {
  let deleted = 0;
  for (let i = 1; i < argc; i++) if (keyDeleteArg(argv, i)) deleted++;
  replyInt(deleted);
}
