// FT.SPELLCHECK index query [DISTANCE d] [TERMS INCLUDE|EXCLUDE dict [terms ...]]... [DIALECT d]:
// per misspelled word ["TERM", word, [[score, suggestion], ...]] (RESP3: {results: {word: [{suggestion:
// score}, ...]}}), the words the index holds left out.
import {
  argIs, argLen, argPtr, parseI64, parsedI64, protocol, replyArray, replyBulk, replyDouble, replyError, replyMap, replySimple,
} from "ferrite-sdk";
import { dictFind } from "../dict/dicts";
import { errSend, replyErrorAround } from "../errors";
import { QueryNode } from "../query/node";
import { parseQuery } from "../query/parse";
import { findIndex } from "../registry";
import { scanIfNeeded } from "../scan";
import { scratchReset } from "../scratch";
import { anyDictHas, collectWords, foundLen, foundPtr, foundScore, found, indexHas, suggest, words } from "../spellcheck/spellcheck";
import { listFree, listGet, listNew, listPush } from "../u32-list";
import { configNumber } from "../ft-config/options";

const TERM = memory.data<u8>([84, 69, 82, 77]); // "TERM"
const include = listNew(2);
const exclude = listNew(2);

/** Reads the options after the query; false after replying the error. */
function options(argc: i32, argv: usize): i32 {
  let distance = 1;
  dialect = <i32>configNumber("DEFAULT_DIALECT");
  include.len = 0;
  exclude.len = 0;
  for (let i = 3; i < argc; i++) {
    if (argIs(argv, i, "DISTANCE") && i + 1 < argc) {
      i++;
      if (!parseI64(argPtr(argv, i), argLen(argv, i)) || parsedI64 < 1 || parsedI64 > 4) {
        replyError("bad distance given, distance must be a natural number between 1 to 4");
        return -1;
      }
      distance = <i32>parsedI64;
    } else if (argIs(argv, i, "TERMS") && i + 2 < argc) {
      const mode = i + 1;
      if (!argIs(argv, mode, "INCLUDE") && !argIs(argv, mode, "EXCLUDE")) {
        replyError("bad format, exlude/include operation was not given");
        return -1;
      }
      const terms = dictFind(argPtr(argv, i + 2), argLen(argv, i + 2));
      if (terms == 0) {
        replyErrorAround("Dict does not exist: ", argPtr(argv, i + 2), argLen(argv, i + 2), "");
        return -1;
      }
      listPush(argIs(argv, mode, "INCLUDE") ? include : exclude, <u32>terms);
      i += 2;
    } else if (argIs(argv, i, "DIALECT") && i + 1 < argc) {
      i++;
      if (!parseI64(argPtr(argv, i), argLen(argv, i)) || parsedI64 < 1 || parsedI64 > 4) {
        replyError("DIALECT requires a non negative integer >=1 and <= 4");
        return -1;
      }
      dialect = <i32>parsedI64;
    } else {
      replyErrorAround("Unknown argument `", argPtr(argv, i), argLen(argv, i), "`");
      return -1;
    }
  }
  return distance;
}

let dialect: i32 = 1;

export function run(argc: i32, argv: usize): void {
  scratchReset();
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) {
    replyErrorAround("", argPtr(argv, 1), argLen(argv, 1), ": no such index");
    return;
  }
  const distance = options(argc, argv);
  if (distance < 0) return;
  scanIfNeeded(x);
  const root = parseQuery(x, argPtr(argv, 2), argLen(argv, 2), dialect, false);
  if (root == null) {
    errSend();
    return;
  }
  words.len = 0;
  collectWords(changetype<QueryNode>(root));
  // The words to report: not in the index, not excluded, each once.
  const report = listNew(words.len);
  for (let i = 0; i < words.len; i++) {
    const w = changetype<QueryNode>(<usize>listGet(words, i));
    if (indexHas(x, w.str, w.strLen) || anyDictHas(exclude, w.str, w.strLen)) continue;
    let repeated = false;
    for (let k = 0; k < report.len; k++) {
      const r = changetype<QueryNode>(<usize>listGet(report, k));
      if (r.strLen == w.strLen && memory.compare(r.str, w.str, <usize>w.strLen) == 0) repeated = true;
    }
    if (!repeated) listPush(report, <u32>changetype<usize>(w));
  }
  const resp3 = protocol() >= 3;
  if (resp3) {
    replyMap(1);
    replySimple("results");
    replyMap(report.len);
  } else replyArray(report.len);
  for (let k = 0; k < report.len; k++) {
    const w = changetype<QueryNode>(<usize>listGet(report, k));
    suggest(x, w.str, w.strLen, distance, include);
    if (resp3) {
      replyBulk(w.str, w.strLen);
      replyArray(found);
      for (let i = 0; i < found; i++) {
        replyMap(1);
        replyBulk(foundPtr(i), foundLen(i));
        replyDouble(foundScore(i));
      }
      continue;
    }
    replyArray(3);
    replyBulk(TERM, 4);
    replyBulk(w.str, w.strLen);
    replyArray(found);
    for (let i = 0; i < found; i++) {
      replyArray(2);
      replyDouble(foundScore(i));
      replyBulk(foundPtr(i), foundLen(i));
    }
  }
  listFree(report);
}
