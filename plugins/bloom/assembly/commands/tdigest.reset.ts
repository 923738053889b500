// TDIGEST.RESET key: empties the digest, keeping its compression.
import { replyOk, FIND_WRITE } from "ferrite-sdk";
import { findValue } from "../find-value";
import { tdReset } from "../tdigest/digest";
import { ERR_TD_NOT_FOUND } from "../tdigest/errors";
import { TDIGEST_TYPE } from "../type-ids";

export function run(_argc: i32, argv: usize): void {
  const d = findValue(argv, 1, TDIGEST_TYPE, ERR_TD_NOT_FOUND, FIND_WRITE);
  if (d == 0) return;
  tdReset(d);
  replyOk();
}
