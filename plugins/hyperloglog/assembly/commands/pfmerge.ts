// PFMERGE destkey [sourcekey ...]
import { replyOk, MISSING } from "ferrite-sdk";
import { hllInvalidate, hllSet, hllToDense } from "../hll";
import { loadHll, storeHll } from "../hll-key";
import { PFADD } from "../events";
import { REGISTERS } from "../layout";
import { MAX_REGISTERS, unionOfKeys, unionSawDense } from "../union";
import { hllCreate, hllFree } from "../value";

export function run(argc: i32, argv: usize): void {
  // The destination is one of the inputs (argument 1), so it was checked with them and loads again.
  if (!unionOfKeys(argc, argv)) return;
  const h = loadHll(argv, 1, false);
  const created = h == MISSING;
  const v = created ? hllCreate() : <usize>h;
  // Like Redis: a dense input makes the target dense at once instead of growing it through sparse.
  if (unionSawDense) hllToDense(v);
  for (let i = 0; i < REGISTERS; i++) {
    const val = <u32>load<u8>(MAX_REGISTERS + <usize>i);
    if (val != 0) hllSet(v, i, val);
  }
  hllInvalidate(v);
  storeHll(argv, 1, v, created);
  hllFree(v);
  PFADD.emitArg(argv, 1);
  replyOk();
}
