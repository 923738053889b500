// JSON.GET's RESP3 FORMAT EXPAND and EXPAND1 (RedisJSON 2.6+): values as RESP3 values instead of JSON
// text. Scalars are RESP3's own (null, boolean, integer, double, bulk string: an integer beyond i64 is a
// double, as RedisJSON's get_type says); EXPAND answers containers as arrays and maps of such values,
// EXPAND1 as their JSON text (with the command's INDENT/NEWLINE/SPACE). RedisJSON builds its maps from a
// hash map, in no order; here they keep the document's.
import { replyArray, replyBool, replyBulk, replyDouble, replyInt, replyMap, replyNull } from "ferrite-sdk";
import {
  arrGet, count, floatValue, intValue, K_ARRAY, K_FLOAT, K_INT, K_NULL, K_OBJECT, K_STRING, K_TRUE, K_UINT, keyBytes, keyLen,
  kind, numberAsF64, objKey, objVal, strBytes, strLen,
} from "./node";
import { out, replyOut } from "./replies";
import { Layout, writeNode } from "./serialize";

export function replyExpanded(n: usize, whole: bool, layout: Layout): void {
  const k = kind(n);
  if (k == K_NULL) replyNull();
  else if (k == K_INT) replyInt(intValue(n));
  else if (k == K_UINT) replyDouble(numberAsF64(n));
  else if (k == K_FLOAT) replyDouble(floatValue(n));
  else if (k == K_STRING) replyBulk(strBytes(n), strLen(n));
  else if (k != K_ARRAY && k != K_OBJECT) replyBool(k == K_TRUE);
  else if (!whole) { out.reset(); writeNode(out, n, layout); replyOut(); }
  else if (k == K_ARRAY) {
    const c = count(n);
    replyArray(c);
    for (let i = 0; i < c; i++) replyExpanded(arrGet(n, i), true, layout);
  } else {
    const c = count(n);
    replyMap(c);
    for (let i = 0; i < c; i++) {
      const key = objKey(n, i);
      replyBulk(keyBytes(key), keyLen(key));
      replyExpanded(objVal(n, i), true, layout);
    }
  }
}
