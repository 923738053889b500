// TDIGEST.MIN and TDIGEST.MAX: the extreme sample, nan for an empty digest.
import { replyDouble } from "ferrite-sdk";
import { findValue } from "../find-value";
import { TDIGEST_TYPE } from "../type-ids";
import { tdMax, tdMin, tdSize } from "./digest";
import { ERR_TD_NOT_FOUND } from "./errors";

export function replyExtreme(argv: usize, largest: bool): void {
  const d = findValue(argv, 1, TDIGEST_TYPE, ERR_TD_NOT_FOUND);
  if (d == 0) return;
  replyDouble(tdSize(d) > 0 ? (largest ? tdMax(d) : tdMin(d)) : NaN);
}
