// FT.ALTER index [SKIPINITIALSCAN] SCHEMA ADD field [AS alias] type [options] …: new fields; existing
// documents are re-indexed so the new fields cover them (unless SKIPINITIALSCAN).
import { argIs, argLen, argPtr, replyError, replyOk } from "ferrite-sdk";
import { addFields, keepDefinition } from "../definition";
import { ERR_UNKNOWN_INDEX, errSend } from "../errors";
import { findIndex } from "../registry";
import { scanIfNeeded } from "../scan";

export function run(argc: i32, argv: usize): void {
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) { replyError(ERR_UNKNOWN_INDEX); return; }
  let i = 2;
  let skip = false;
  if (argIs(argv, i, "SKIPINITIALSCAN")) { skip = true; i++; }
  if (i + 2 >= argc || !argIs(argv, i, "SCHEMA") || !argIs(argv, i + 1, "ADD")) { replyError("Unknown argument"); return; }
  scanIfNeeded(x);
  if (!addFields(x, argc, argv, i + 2)) { errSend(); return; }
  keepDefinition(x, argc, argv, i + 2);
  if (!skip) {
    x.needsScan = true;
    scanIfNeeded(x);
  }
  replyOk();
}
