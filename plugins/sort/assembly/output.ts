// The result: the elements in the window start..end of the sorted order, or for each of them the
// values of the GET patterns; sent to the client, or stored as a list (STORE).
import {
  RESP_ERROR, argLen, argPtr, callArg, callArgLiteral, callBegin, callReply, callRun, keyDelete, keyFind, replyArray,
  replyBulk, replyErrorBytes, replyInt, replyNull, respBegin, respLen, respNext, respPtr, KeyEvent, ANY_TYPE,
  FIND_NOTOUCH, FIND_WRITE, MISSING, NOTIFY_LIST, NOTIFY_NEW,
} from "ferrite-sdk";
import { getArg, getCount, storeArg } from "./options";
import { foundLen, foundPtr, lookup } from "./pattern";
import { BYTES, block, copyInto } from "./scratch";
import { at, elemLen, elemPtr } from "./vector";

const SILENT = true;
// Redis's SORT writes the destination itself; here the list plugin does, silently, and these are raised.
const NEW = new KeyEvent(NOTIFY_NEW, "new");
const SORTSTORE = new KeyEvent(NOTIFY_LIST, "sortstore");

function getPattern(argv: usize, g: i32, i: i32): bool {
  const a = getArg(g);
  return lookup(argPtr(argv, a), argLen(argv, a), elemPtr(i), elemLen(i));
}

function outputLength(start: i32, end: i32): i32 {
  const n = end - start + 1;
  return getCount > 0 ? getCount * n : n;
}

export function replyResult(argv: usize, start: i32, end: i32): void {
  replyArray(outputLength(start, end));
  for (let k = start; k <= end; k++) {
    const i = at(k);
    if (getCount == 0) replyBulk(elemPtr(i), elemLen(i));
    for (let g = 0; g < getCount; g++) {
      if (getPattern(argv, g, i)) replyBulk(foundPtr, foundLen);
      else replyNull();
    }
  }
}

/**
 * GET values, each as u32 length then bytes, in BYTES: each lookup reuses the call reply buffer, and
 * the RPUSH that stores them is itself a call. Returns the bytes used. A missing value stores as "".
 */
function collectGets(argv: usize, start: i32, end: i32): usize {
  let used: usize = 0;
  for (let k = start; k <= end; k++) {
    for (let g = 0; g < getCount; g++) {
      const found = getPattern(argv, g, at(k));
      const len = found ? foundLen : 0;
      store<u32>(block(BYTES, used + 4, true) + used, <u32>len);
      copyInto(BYTES, used + 4, foundPtr, len);
      used += 4 + <usize>len;
    }
  }
  return used;
}

/**
 * STORE: the destination is replaced by a list of the result, through DEL + RPUSH (the list plugin
 * owns lists), run silently to raise Redis's events instead: `new` for a destination that did not
 * exist, then `sortstore`. An empty result only deletes it (`del`). Replies the result's length.
 */
export function storeResult(argv: usize, start: i32, end: i32): void {
  const dest = argPtr(argv, storeArg), destLen = argLen(argv, storeArg);
  const total = outputLength(start, end);
  if (total <= 0) { keyDelete(dest, destLen); replyInt(0); return; }
  const used = getCount > 0 ? collectGets(argv, start, end) : 0;
  const existed = keyFind(dest, destLen, ANY_TYPE, FIND_WRITE | FIND_NOTOUCH) != MISSING;
  callBegin();
  callArgLiteral("DEL");
  callArg(dest, destLen);
  callRun(false, SILENT);
  callBegin();
  callArgLiteral("RPUSH");
  callArg(dest, destLen);
  if (getCount == 0) {
    for (let k = start; k <= end; k++) callArg(elemPtr(at(k)), elemLen(at(k)));
  } else {
    const bytes = block(BYTES, 0);
    for (let off: usize = 0; off < used; off += 4 + <usize>load<u32>(bytes + off)) {
      callArg(bytes + off + 4, load<i32>(bytes + off));
    }
  }
  const n = callRun(false, SILENT);
  respBegin(callReply(), n);
  if (respNext() == RESP_ERROR) { replyErrorBytes(respPtr, respLen); return; }
  if (!existed) NEW.emit(dest, destLen);
  SORTSTORE.emit(dest, destLen);
  replyInt(total);
}
