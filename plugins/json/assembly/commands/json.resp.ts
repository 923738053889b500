// JSON.RESP key [path]: values in RESP form: null → nil, booleans → "true"/"false" (simple strings),
// integers → integers, floats → their JSON text, strings → bulk, arrays → ["[", items…], objects →
// ["{", key, value, …]. JSONPath: one per match.
import { ByteBuilder, DOUBLE_MAX_CHARS, formatDoubleJson, replyArray, replyBulk, replyInt, replyNull, replySimple } from "ferrite-sdk";
import {
  arrGet, count, floatValue, intValue, K_ARRAY, K_FALSE, K_FLOAT, K_INT, K_NULL, K_STRING, K_TRUE, K_UINT,
  keyBytes, keyLen, kind, objKey, objVal, strBytes, strLen,
} from "../node";
import { legacy, matchCount, matchNode } from "../path";
import { OPEN_FAILED, OPEN_MISSING, openPath, pathLen, pathPtr } from "../query";
import { replyPathMissing } from "../replies";
import { COMPACT, writeNode } from "../serialize";

const text = new ByteBuilder();
const BRACKET = memory.data<u8>([0x5b]);
const BRACE = memory.data<u8>([0x7b]);

export function run(argc: i32, argv: usize): void {
  const status = openPath(argc, argv, 2, 0);
  if (status == OPEN_FAILED) return;
  if (status == OPEN_MISSING) { replyNull(); return; }
  if (legacy) {
    if (matchCount == 0) { replyPathMissing(pathPtr, pathLen); return; }
    replyResp(matchNode(0));
    return;
  }
  replyArray(matchCount);
  for (let i = 0; i < matchCount; i++) replyResp(matchNode(i));
}

function replyResp(n: usize): void {
  const k = kind(n);
  if (k == K_NULL) replyNull();
  else if (k == K_TRUE) replySimple("true");
  else if (k == K_FALSE) replySimple("false");
  else if (k == K_INT) replyInt(intValue(n));
  else if (k == K_FLOAT) {
    text.reset();
    text.len += formatDoubleJson(floatValue(n), text.reserve(DOUBLE_MAX_CHARS));
    replyBulk(text.ptr, text.len);
  } else if (k == K_UINT) {
    text.reset();
    writeNode(text, n, COMPACT);
    replyBulk(text.ptr, text.len);
  } else if (k == K_STRING) replyBulk(strBytes(n), strLen(n));
  else if (k == K_ARRAY) {
    const c = count(n);
    replyArray(c + 1);
    replyBulk(BRACKET, 1);
    for (let i = 0; i < c; i++) replyResp(arrGet(n, i));
  } else {
    const c = count(n);
    replyArray(2 * c + 1);
    replyBulk(BRACE, 1);
    for (let i = 0; i < c; i++) {
      replyBulk(keyBytes(objKey(n, i)), keyLen(objKey(n, i)));
      replyResp(objVal(n, i));
    }
  }
}
