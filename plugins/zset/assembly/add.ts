// ZADD's engine (ZINCRBY is ZADD INCR with one pair): score/member pairs from argument `first` on,
// all validated before the set is touched, then applied under the NX/XX/GT/LT/INCR rules.
import {
  argLen, argPtr, keyFindArg, keySetArg, parsedF64, parseF64, replyDouble, replyError, replyInt, replyNull,
  replyWrongType, signalKeyReady, ERR_NOT_FLOAT, FIND_WRITE, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { ZADD, ZINCR } from "./events";
import { zsCard, zsCreateFor, zsFind, zsFree, zsInsert, zsReserve, zsScore, zsSetScore } from "./zset";
import { ZSET_TYPE } from "./zset-key";

export const ADD_NX: i32 = 1;
export const ADD_XX: i32 = 2;
export const ADD_GT: i32 = 4;
export const ADD_LT: i32 = 8;
export const ADD_CH: i32 = 16;
export const ADD_INCR: i32 = 32;

const ERR_NAN = "ERR resulting score is not a number (NaN)";

/** What the last zadd did: ZADD's reply is built from these. */
let added: i32 = 0;
let updated: i32 = 0;
let processed: i32 = 0;
let lastScore: f64 = 0;
let madeNan = false;

function addOne(z: usize, score: f64, m: usize, len: i32, flags: i32): void {
  const c = zsFind(z, m, len);
  if (c == 0) {
    if (flags & ADD_XX) return;
    zsInsert(z, score, m, len);
    lastScore = score;
    added++;
    processed++;
    return;
  }
  if (flags & ADD_NX) return;
  const current = zsScore(z, c);
  if (flags & ADD_INCR) {
    score += current;
    if (isNaN(score)) { madeNan = true; return; }
  }
  if (((flags & ADD_LT) && score >= current) || ((flags & ADD_GT) && score <= current)) return;
  lastScore = score;
  processed++;
  if (score != current) {
    zsSetScore(z, c, score);
    updated++;
  }
}

export function zadd(argc: i32, argv: usize, first: i32, flags: i32): void {
  const pairs = (argc - first) >> 1;
  for (let i = first; i < argc; i += 2) {
    if (!parseF64(argPtr(argv, i), argLen(argv, i))) { replyError(ERR_NOT_FLOAT); return; }
  }
  const h = keyFindArg(argv, 1, ZSET_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING && (flags & ADD_XX)) {
    replyNothing(flags);
    return;
  }
  // Sized for the command, as Redis 7.2 does: a big ZADD starts out (or turns into) a skiplist.
  const z = h == MISSING ? zsCreateFor(pairs, argLen(argv, first + 1)) : <usize>h;
  if (h != MISSING) zsReserve(z, pairs);
  added = updated = processed = 0;
  madeNan = false;
  for (let i = first; i < argc && !madeNan; i += 2) {
    parseF64(argPtr(argv, i), argLen(argv, i));
    addOne(z, parsedF64, argPtr(argv, i + 1), argLen(argv, i + 1), flags);
  }
  if (h == MISSING) {
    if (zsCard(z) > 0) keySetArg(argv, 1, ZSET_TYPE, <f64>z);
    else zsFree(z);
  } else if (added > 0) {
    signalKeyReady(argPtr(argv, 1), argLen(argv, 1)); // keySet wakes the clients blocked on a new set itself
  }
  if (added > 0 || updated > 0) (flags & ADD_INCR ? ZINCR : ZADD).emitArg(argv, 1);
  if (madeNan) { replyError(ERR_NAN); return; }
  if (flags & ADD_INCR) {
    if (processed > 0) replyDouble(lastScore);
    else replyNull();
    return;
  }
  replyInt((flags & ADD_CH) ? added + updated : added);
}

function replyNothing(flags: i32): void {
  if (flags & ADD_INCR) replyNull();
  else replyInt(0);
}
