// BF.INSERT key [CAPACITY n] [ERROR rate] [EXPANSION n] [NOCREATE] [NONSCALING] ITEMS item [item ...]
// Options are told apart by their first letters, as RedisBloom does (`ER…` error, `E…` expansion,
// `NOC…` nocreate, other `N…` nonscaling), with its texts for each failure.
import { argLen, argPtr, lowerAscii, parseF64, parseI64, parsedF64, parsedI64, replyArityError, replyError } from "ferrite-sdk";
import { defaultCapacity, defaultErrorRate, defaultExpansion } from "../bloom/defaults";
import { insertItems } from "../bloom/insert";

function letter(argv: usize, i: i32, at: i32): u32 {
  return argLen(argv, i) > at ? lowerAscii(<u32>load<u8>(argPtr(argv, i) + <usize>at)) : 0;
}

export function run(argc: i32, argv: usize): void {
  let capacity: i64 = <i64>defaultCapacity();
  let error = defaultErrorRate();
  let expansion: i64 = <i64>defaultExpansion();
  let autocreate = true;
  let nonScaling = false;
  let items = -1;
  let i = 2;
  while (i < argc && items < 0) {
    const c = letter(argv, i, 0);
    if (c == 105) { // i: ITEMS
      items = ++i;
    } else if (c == 101) { // e: ERROR or EXPANSION
      const isError = letter(argv, i, 1) == 114;
      if (++i == argc) { replyArityError(argv); return; }
      if (isError) {
        if (!parseF64(argPtr(argv, i), argLen(argv, i))) { replyError("Bad error rate"); return; }
        error = parsedF64;
      } else {
        if (!parseI64(argPtr(argv, i), argLen(argv, i))) { replyError("Bad expansion"); return; }
        expansion = parsedI64;
      }
      i++;
    } else if (c == 99) { // c: CAPACITY
      if (++i == argc) { replyArityError(argv); return; }
      if (!parseI64(argPtr(argv, i), argLen(argv, i))) { replyError("Bad capacity"); return; }
      capacity = parsedI64;
      i++;
    } else if (c == 110) { // n: NOCREATE or NONSCALING
      if (letter(argv, i, 2) == 99) autocreate = false;
      else nonScaling = true;
      i++;
    } else {
      replyError("Unknown argument received");
      return;
    }
  }
  if (items < 0 || items == argc) { replyArityError(argv); return; }
  if (!(error > 0 && error < 1) || capacity < 1 || expansion < 1) { replyError("Bad argument received"); return; }
  insertItems(argc, argv, items, true, autocreate, <u64>capacity, error, <u32>expansion, nonScaling);
}
