// XGROUP CREATE key group id|$ [MKSTREAM] [ENTRIESREAD entries-read]
import { argIs, argLen, argPtr, keySetArg, replyError, replyOk, ERR_NOT_INTEGER } from "ferrite-sdk";
import { createGroup } from "../group";
import { idMs, idSeq, parseIdArg, setId } from "../id";
import { asStream } from "../stream-key";
import { streamNew, STREAM_TYPE } from "../stream";
import {
  entriesRead, entriesReadInRange, parseEntriesRead, replyXgroupSyntax, resetEntriesRead, xgroupStream, MISSING,
} from "../xgroup-target";

import { XGROUP_CREATE } from "../events";
export function run(argc: i32, argv: usize): void {
  let mkStream = false;
  resetEntriesRead();
  for (let i = 5; i < argc; i++) {
    if (argIs(argv, i, "MKSTREAM")) {
      mkStream = true;
    } else if (argIs(argv, i, "ENTRIESREAD") && i + 1 < argc) {
      i++;
      if (!parseEntriesRead(argv, i)) { replyError(ERR_NOT_INTEGER); return; }
      if (!entriesReadInRange()) return;
    } else {
      replyXgroupSyntax(argv);
      return;
    }
  }
  const h = xgroupStream(argv, mkStream);
  if (h < 0 && h != MISSING) return;
  if (argc > 8) { replyXgroupSyntax(argv); return; }
  if (argLen(argv, 4) == 1 && load<u8>(argPtr(argv, 4)) == 36) { // '$'
    if (h == MISSING) setId(0, 0); else setId(asStream(h).lastMs, asStream(h).lastSeq);
  } else if (!parseIdArg(argv, 4, true)) {
    return;
  }
  const s = h == MISSING ? streamNew() : asStream(h);
  if (h == MISSING) keySetArg(argv, 2, STREAM_TYPE, <f64>changetype<usize>(s));
  if (createGroup(s.groups, argPtr(argv, 3), argLen(argv, 3), idMs, idSeq, entriesRead)) {
    XGROUP_CREATE.emitArg(argv, 2);
    replyOk();
  } else replyError("BUSYGROUP Consumer Group name already exists");
}
