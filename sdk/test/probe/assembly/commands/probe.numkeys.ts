// PROBE.NUMKEYS numkeys key [key ...] END: parseNumkeys with one argument required after the keys (as
// LMPOP's LEFT|RIGHT), replying numkeys or the SDK's error.
import { parseNumkeys, replyInt } from "ferrite-sdk";

export function run(argc: i32, argv: usize): void {
  const numkeys = parseNumkeys(argc, argv, 1, 1);
  if (numkeys > 0) replyInt(numkeys);
}
