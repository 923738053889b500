// FT.ALTER index [SKIPINITIALSCAN] SCHEMA ADD field [AS alias] type [options] …: new fields; existing
// documents are re-indexed so the new fields cover them (unless SKIPINITIALSCAN).
import { argIs, argLen, argPtr, replyError, replyOk } from "ferrite-sdk";
import { addFields, keepDefinition } from "../definition";
import { errSend } from "../errors";
import { findIndex } from "../registry";
import { scanIfNeeded } from "../scan";

export function run(argc: i32, argv: usize): void {
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) { replyError("Unknown index name"); return; }
  let i = 2;
  let skip = false;
  if (argIs(argv, i, "SKIPINITIALSCAN")) { skip = true; i++; }
  if (i >= argc || !argIs(argv, i, "SCHEMA")) { replyError("ALTER must be followed by SCHEMA"); return; }
  if (i + 1 >= argc || !argIs(argv, i + 1, "ADD")) { replyError("Unknown action passed to ALTER SCHEMA"); return; }
  if (i + 2 >= argc) { replyError("No fields provided"); return; }
  scanIfNeeded(x);
  if (!addFields(x, argc, argv, i + 2)) { errSend(); return; }
  keepDefinition(x, argc, argv, i + 2);
  if (!skip) {
    x.needsScan = true;
    scanIfNeeded(x);
  }
  replyOk();
}
