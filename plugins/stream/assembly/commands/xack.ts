// XACK key group id [id ...]
import { keyFindArg, replyInt, replyWrongType, FIND_WRITE } from "ferrite-sdk";
import { Group } from "../group";
import { idMs, idSeq, parseIdArg } from "../id";
import { pelRemoveAt, pelSearch } from "../pel";
import { groupAt, WRONGTYPE } from "../stream-key";
import { STREAM_TYPE } from "../stream";

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, STREAM_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  // All or nothing: every ID is checked before any is acknowledged.
  for (let i = 3; i < argc; i++) if (!parseIdArg(argv, i, true)) return;
  const g = groupAt(h, argv, 2);
  if (!g) { replyInt(0); return; }
  replyInt(acknowledge(changetype<Group>(g), argc, argv));
}

function acknowledge(g: Group, argc: i32, argv: usize): i32 {
  let acked = 0;
  for (let i = 3; i < argc; i++) {
    parseIdArg(argv, i, true);
    const at = pelSearch(g, idMs, idSeq);
    if (at < 0) continue;
    pelRemoveAt(g, at);
    acked++;
  }
  return acked;
}
