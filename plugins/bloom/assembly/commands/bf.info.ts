// BF.INFO key [CAPACITY | SIZE | FILTERS | ITEMS | EXPANSION]
import { argIs, replyArityError, replyArray, replyError, replyInt, replyNull } from "ferrite-sdk";
import { chainCapacity, chainFilters, chainGrowth, chainInfoSize, chainScales, chainSize } from "../bloom/chain";
import { ERR_NOT_FOUND } from "../errors";
import { findValue } from "../find-value";
import { BF_TYPE } from "../type-ids";
import { infoBegin, infoInt, infoNull } from "../info-reply";

export function run(argc: i32, argv: usize): void {
  if (argc > 3) { replyArityError(argv); return; }
  const c = findValue(argv, 1, BF_TYPE, ERR_NOT_FOUND);
  if (c == 0) return;
  if (argc == 3) { replyField(argv, c); return; }
  infoBegin(5);
  infoInt("Capacity", <i64>chainCapacity(c));
  infoInt("Size", <i64>chainInfoSize(c));
  infoInt("Number of filters", chainFilters(c));
  infoInt("Number of items inserted", <i64>chainSize(c));
  if (chainScales(c)) infoInt("Expansion rate", chainGrowth(c));
  else infoNull("Expansion rate");
}

/** One field, in a one-element array as RedisBloom answers it. */
function replyField(argv: usize, c: usize): void {
  let value: i64 = -1;
  if (argIs(argv, 2, "capacity")) value = <i64>chainCapacity(c);
  else if (argIs(argv, 2, "size")) value = <i64>chainInfoSize(c);
  else if (argIs(argv, 2, "filters")) value = chainFilters(c);
  else if (argIs(argv, 2, "items")) value = <i64>chainSize(c);
  else if (!argIs(argv, 2, "expansion")) { replyError("Invalid information value"); return; }
  replyArray(1);
  if (value >= 0) replyInt(value);
  else if (chainScales(c)) replyInt(chainGrowth(c));
  else replyNull();
}
