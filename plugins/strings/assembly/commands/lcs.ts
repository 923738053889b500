// LCS key1 key2 [LEN] [IDX] [MINMATCHLEN min-match-len] [WITHMATCHLEN]
import {
  argIs, keyFindArg, parsedI64, parseIntArg, replyArray, replyBulk, replyError, replyInt, replyMap, ERR_SYNTAX,
  MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { fillLcsTable, lcsTableBytes, walkLcs } from "../bits/lcs-table";
import { MAX_STRING_LEN, STRING_TYPE, strData, strLen } from "../value";

const MATCHES = memory.data<u8>([109, 97, 116, 99, 104, 101, 115]); // "matches"
const LEN = memory.data<u8>([108, 101, 110]); // "len"

let wantLen = false;
let wantIdx = false;
let withMatchLen = false;
let minMatchLen: i64 = 0;

/** Reads the options after the keys; false after replying an error. */
function parseOptions(argc: i32, argv: usize): bool {
  wantLen = wantIdx = withMatchLen = false;
  minMatchLen = 0;
  for (let j = 3; j < argc; j++) {
    if (argIs(argv, j, "idx")) wantIdx = true;
    else if (argIs(argv, j, "len")) wantLen = true;
    else if (argIs(argv, j, "withmatchlen")) withMatchLen = true;
    else if (argIs(argv, j, "minmatchlen") && j + 1 < argc) {
      j++;
      if (!parseIntArg(argv, j)) return false;
      minMatchLen = max<i64>(parsedI64, 0);
    } else {
      replyError(ERR_SYNTAX);
      return false;
    }
  }
  if (wantLen && wantIdx) { replyError("ERR If you want both the length and indexes, please just use IDX."); return false; }
  return true;
}

export function run(argc: i32, argv: usize): void {
  const ha = keyFindArg(argv, 1, STRING_TYPE), hb = keyFindArg(argv, 2, STRING_TYPE);
  if (ha == WRONGTYPE || hb == WRONGTYPE) { replyError("ERR The specified keys must contain string values"); return; }
  if (!parseOptions(argc, argv)) return;
  // A missing key is an empty string.
  const a = ha == MISSING ? 0 : strData(<usize>ha), alen = ha == MISSING ? 0 : strLen(<usize>ha);
  const b = hb == MISSING ? 0 : strData(<usize>hb), blen = hb == MISSING ? 0 : strLen(<usize>hb);
  const tableBytes = lcsTableBytes(alen, blen);
  if (tableBytes > <u64>MAX_STRING_LEN) {
    replyError("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len");
    return;
  }
  const table = heap.alloc(<usize>tableBytes);
  const length = fillLcsTable(table, a, alen, b, blen);
  if (wantIdx) {
    replyMap(2);
    replyBulk(MATCHES, 7);
    replyArray(walkLcs(table, a, alen, b, blen, 0, false, minMatchLen, withMatchLen));
    walkLcs(table, a, alen, b, blen, 0, true, minMatchLen, withMatchLen);
    replyBulk(LEN, 3);
    replyInt(length);
  } else if (wantLen) {
    replyInt(length);
  } else {
    const out = heap.alloc(max<usize>(<usize>length, 1));
    walkLcs(table, a, alen, b, blen, out, false, 0, false);
    replyBulk(out, <i32>length);
    heap.free(out);
  }
  heap.free(table);
}
