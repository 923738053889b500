// HRANDFIELD key [count [WITHVALUES]]: one random field, or count distinct ones (negative: -count picks
// with repeats). With WITHVALUES, RESP3 nests [field, value] pairs where RESP2 flattens them.
import {
  argIs, keyFindArg, parsedI64, parseIntArg, protocol, replyArray, replyBulk, replyError, replyNull, replyWrongType,
  ERR_SYNTAX, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { EMPTY_ARRAY, hashOrReply } from "../hash-key";
import { pickDistinct, pickRandom, prepareRandom } from "../random-pairs";
import { HASH_TYPE, hashIterate, hashLen, hashNext, itField, itFieldLen, itVal, itValLen } from "../value";

/** Replies longer than this many elements are refused: the reply header is an i32 on the host side. */
const MAX_REPLY: i64 = i32.MAX_VALUE;

let withValues = false;
let nested = false;

function emit(): void {
  if (nested) replyArray(2);
  replyBulk(itField, itFieldLen);
  if (withValues) replyBulk(itVal, itValLen);
}

export function run(argc: i32, argv: usize): void {
  if (argc == 2) {
    const h = keyFindArg(argv, 1, HASH_TYPE);
    if (h == WRONGTYPE) { replyWrongType(); return; }
    if (h == MISSING) { replyNull(); return; }
    prepareRandom(<usize>h);
    pickRandom(<usize>h);
    replyBulk(itField, itFieldLen);
    return;
  }
  if (!parseIntArg(argv, 2)) return;
  const l = parsedI64;
  if (l == i64.MIN_VALUE) {
    replyError("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
    return;
  }
  if (argc > 4 || (argc == 4 && !argIs(argv, 3, "withvalues"))) { replyError(ERR_SYNTAX); return; }
  withValues = argc == 4;
  if (withValues && (l < -(i64.MAX_VALUE / 2) || l > i64.MAX_VALUE / 2)) { replyError("ERR value is out of range"); return; }
  const h = hashOrReply(argv, EMPTY_ARRAY);
  if (h == 0) return;
  const unique = l >= 0;
  const count = unique ? l : -l;
  if (count == 0) { replyArray(0); return; }
  const size = <i64>hashLen(h);
  const flat = withValues && protocol() == 2;
  nested = withValues && !flat;
  const replied = unique ? min(count, size) : count;
  if ((flat ? replied * 2 : replied) > MAX_REPLY) { replyError("ERR value is out of range"); return; }
  replyArray(<i32>(flat ? replied * 2 : replied));
  if (!unique || count == 1) {
    prepareRandom(h);
    for (let i: i64 = 0; i < count; i++) { pickRandom(h); emit(); }
  } else if (count >= size) {
    hashIterate(h);
    while (hashNext()) emit();
  } else {
    pickDistinct(h, <i32>count, emit);
  }
}
