// BITCOUNT key [start end [BYTE | BIT]]
import { keyFindArg, parsedI64, replyError, replyInt, replyWrongType, ERR_SYNTAX, MISSING, WRONGTYPE } from "ferrite-sdk";
import {
  argI64OrReply, normalizeRange, unitIsBitOrReply, rangeStart, rangeEnd, firstByteOutside, lastByteOutside,
} from "../bits/bit-range";
import { popcount, popcountByte } from "../bits/popcount";
import { STRING_TYPE, strData, strLen } from "../value";

export function run(argc: i32, argv: usize): void {
  // Redis 7.2 looks the key up before reading the range: a missing key answers 0 whatever follows.
  const handle = keyFindArg(argv, 1, STRING_TYPE);
  if (handle == WRONGTYPE) { replyWrongType(); return; }
  if (handle == MISSING) { replyInt(0); return; }
  const length = <i64>strLen(<usize>handle);
  if (argc == 4 || argc == 5) {
    if (!argI64OrReply(argv, 2)) return;
    const start = parsedI64;
    if (!argI64OrReply(argv, 3)) return;
    const end = parsedI64;
    const isBit = unitIsBitOrReply(argv, argc, 4);
    if (isBit < 0) return;
    if (start < 0 && end < 0 && start > end) { replyInt(0); return; }
    normalizeRange(start, end, isBit == 1, length);
  } else if (argc == 2) {
    normalizeRange(0, -1, false, length);
  } else {
    replyError(ERR_SYNTAX);
    return;
  }
  if (rangeStart > rangeEnd) { replyInt(0); return; }
  const bytes = strData(<usize>handle);
  const first = bytes + <usize>rangeStart;
  const last = bytes + <usize>rangeEnd;
  replyInt(
    popcount(first, <usize>(rangeEnd - rangeStart + 1)) -
      popcountByte(<u32>load<u8>(first) & firstByteOutside) -
      popcountByte(<u32>load<u8>(last) & lastByteOutside),
  );
}
