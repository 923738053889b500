// PFMERGE destkey [sourcekey ...]
import { keyFindArg, keySetArg, replyOk, FIND_WRITE, MISSING } from "ferrite-sdk";
import { hllInvalidate, hllSet, hllToDense } from "../hll";
import { PFADD } from "../events";
import { REGISTERS } from "../layout";
import { MAX_REGISTERS, unionOfKeys, unionSawDense } from "../union";
import { hllCreate, HLL_TYPE } from "../value";

export function run(argc: i32, argv: usize): void {
  // The destination is one of the inputs (argument 1), so it was type-checked with them.
  if (!unionOfKeys(argc, argv)) return;
  const h = keyFindArg(argv, 1, HLL_TYPE, FIND_WRITE);
  const created = h == MISSING;
  const v = created ? hllCreate() : <usize>h;
  // Like Redis: a dense input makes the target dense at once instead of growing it through sparse.
  if (unionSawDense) hllToDense(v);
  for (let i = 0; i < REGISTERS; i++) {
    const val = <u32>load<u8>(MAX_REGISTERS + <usize>i);
    if (val != 0) hllSet(v, i, val);
  }
  hllInvalidate(v);
  if (created) keySetArg(argv, 1, HLL_TYPE, <f64>v);
  PFADD.emitArg(argv, 1);
  replyOk();
}
