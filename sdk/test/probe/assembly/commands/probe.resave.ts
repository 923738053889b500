// PROBE.RESAVE payload: reads an i64, a bytes field and an f64 with the load helpers, then writes them
// back with the save helpers (what a type's load and save callbacks do), or replies "ERR short".
import { argLen, argPtr, loadBegin, loadBytes, loadDone, loadedLen, loadF64, loadI64, replyError, replyOk, saveBytes, saveF64, saveI64 } from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  loadBegin(argPtr(argv, 1), argLen(argv, 1));
  const n = loadI64();
  const bytes = loadBytes();
  const len = loadedLen;
  const d = loadF64();
  if (!loadDone()) {
    replyError("ERR short");
    return;
  }
  saveI64(n);
  saveBytes(bytes, len);
  saveF64(d);
  replyOk();
}
