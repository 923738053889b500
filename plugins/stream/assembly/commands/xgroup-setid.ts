// XGROUP SETID key group id|$ [ENTRIESREAD entries-read]
import { argIs, argLen, argPtr, replyError, replyOk, ERR_NOT_INTEGER } from "ferrite-sdk";
import { idMs, idSeq, parseIdArg, setId } from "../id";
import { asStream } from "../stream-key";
import { entriesRead, entriesReadInRange, parseEntriesRead, replyXgroupSyntax, resetEntriesRead, xgroupGroup, xgroupStream } from "../xgroup-target";

import { XGROUP_SETID } from "../events";
export function run(argc: i32, argv: usize): void {
  const g = xgroupGroup(argv);
  if (!g) return;
  if (argc != 5 && argc != 7) { replyXgroupSyntax(argv); return; }
  if (argLen(argv, 4) == 1 && load<u8>(argPtr(argv, 4)) == 36) { // '$'
    const s = asStream(xgroupStream(argv, false));
    setId(s.lastMs, s.lastSeq);
  } else if (!parseIdArg(argv, 4, false)) {
    return;
  }
  resetEntriesRead();
  if (argc == 7) {
    if (!argIs(argv, 5, "ENTRIESREAD")) { replyXgroupSyntax(argv); return; }
    // Redis replies the integer error here (then, by a slip, a second syntax error this does not copy).
    if (!parseEntriesRead(argv, 6)) { replyError(ERR_NOT_INTEGER); return; }
    if (!entriesReadInRange()) return;
  }
  g.lastMs = idMs;
  g.lastSeq = idSeq;
  g.entriesRead = entriesRead;
  XGROUP_SETID.emitArg(argv, 2);
  replyOk();
}
