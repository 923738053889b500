// PFDEBUG GETREG|ENCODING|TODENSE key: Redis's debugging view of an HLL string. GETREG and TODENSE
// turn a sparse HLL dense and store it so, as Redis does. (DECODE, the sparse opcodes as text, is not
// provided.)
import { argIs, argLen, argPtr, replyArray, replyError, replyErrorBytes, replyInt, replySimple, MISSING, WRONGTYPE } from "ferrite-sdk";
import { denseGet } from "../dense";
import { hllToDense, isDense } from "../hll";
import { loadHll, storeHll } from "../hll-key";
import { HDR_SIZE, REGISTERS } from "../layout";
import { hllData, hllFree } from "../value";

export function run(_argc: i32, argv: usize): void {
  const h = loadHll(argv, 2, false);
  if (h == WRONGTYPE) return;
  if (h == MISSING) { replyError("ERR The specified key does not exist"); return; }
  const v = <usize>h;
  if (argIs(argv, 1, "GETREG")) {
    if (!isDense(v)) toDense(argv, v);
    replyArray(REGISTERS);
    for (let i = 0; i < REGISTERS; i++) replyInt(denseGet(hllData(v) + HDR_SIZE, i));
  } else if (argIs(argv, 1, "ENCODING")) {
    replySimple(isDense(v) ? "dense" : "sparse");
  } else if (argIs(argv, 1, "TODENSE")) {
    const sparse = !isDense(v);
    if (sparse) toDense(argv, v);
    replyInt(sparse ? 1 : 0);
  } else {
    replyUnknown(argv);
  }
  hllFree(v);
}

function toDense(argv: usize, v: usize): void {
  hllToDense(v);
  storeHll(argv, 2, v, false);
}

const PREFIX = "ERR Unknown PFDEBUG subcommand '";
const MESSAGE_MAX: i32 = 128;
const message = memory.data(MESSAGE_MAX);

/** Redis's text with the subcommand quoted (cut to fit, CR/LF made spaces as in any error line). */
function replyUnknown(argv: usize): void {
  let n = 0;
  for (let i = 0; i < PREFIX.length; i++) store<u8>(message + n++, <u8>PREFIX.charCodeAt(i));
  const arg = argPtr(argv, 1);
  for (let i = 0; i < argLen(argv, 1) && n < MESSAGE_MAX - 1; i++) {
    const c = load<u8>(arg + i);
    store<u8>(message + n++, c == 13 || c == 10 ? 32 : c);
  }
  store<u8>(message + n++, 39); // '
  replyErrorBytes(message, n);
}
