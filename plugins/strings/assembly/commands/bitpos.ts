// BITPOS key bit [start [end [BYTE | BIT]]]
import { keyFindArg, parsedI64, replyError, replyInt, replyWrongType, ERR_SYNTAX, MISSING, WRONGTYPE } from "ferrite-sdk";
import {
  argI64OrReply, normalizeRange, unitIsBitOrReply, rangeStart, rangeEnd, firstByteOutside, lastByteOutside,
} from "../bits/bit-range";
import { findBitInRange } from "../bits/find-bit";
import { STRING_TYPE, strData, strLen } from "../value";

export function run(argc: i32, argv: usize): void {
  if (!argI64OrReply(argv, 2)) return;
  const bit = <i32>parsedI64;
  if (parsedI64 != 0 && parsedI64 != 1) { replyError("ERR The bit argument must be 1 or 0."); return; }
  const handle = keyFindArg(argv, 1, STRING_TYPE);
  if (handle == WRONGTYPE) { replyWrongType(); return; }
  // A missing key is an endless run of zeros; Redis 7.2 answers before reading the range.
  if (handle == MISSING) { replyInt(bit ? -1 : 0); return; }
  const length = <i64>strLen(<usize>handle);
  let endGiven = false;
  if (argc >= 4 && argc <= 6) {
    if (!argI64OrReply(argv, 3)) return;
    const start = parsedI64;
    const isBit = argc == 6 ? unitIsBitOrReply(argv, argc, 5) : 0;
    if (isBit < 0) return;
    let end = length - 1;
    if (argc >= 5) {
      if (!argI64OrReply(argv, 4)) return;
      end = parsedI64;
      endGiven = true;
    }
    normalizeRange(start, end, isBit == 1, length);
  } else if (argc == 3) {
    normalizeRange(0, -1, false, length);
  } else {
    replyError(ERR_SYNTAX);
    return;
  }
  if (rangeStart > rangeEnd) { replyInt(-1); return; }
  const pos = findBitInRange(strData(<usize>handle), rangeStart, rangeEnd, firstByteOutside, lastByteOutside, bit);
  // Without an explicit end the string counts as padded with zeros, so a 0 is found just past it.
  replyInt(pos < 0 && bit == 0 && !endGiven ? (rangeEnd + 1) << 3 : pos);
}
