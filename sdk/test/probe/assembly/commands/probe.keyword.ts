// PROBE.KEYWORD s: 1 when s is KEEPTTL in any ASCII case.
import { argIs, replyInt } from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  replyInt(argIs(argv, 1, "KEEPTTL") ? 1 : 0);
}
