// FT.SEARCH's reply, as RediSearch 2.8 shapes it.
//   RESP2: [total, key, [score], [field, value, …], key, …] (no field arrays with NOCONTENT)
//   RESP3: {attributes: [], format: "STRING", results: [{id, [score], extra_attributes: {…}, values: []}, …],
//           total_results, warning: []}
import { argLen, argPtr, formatDouble, protocol, replyArray, replyBulk, replyDouble, replyInt, replyMap } from "ferrite-sdk";
import { isWord, strLen, strPtr } from "../bytes";
import { ERR_TIMEOUT, timedOut } from "../query/deadline";
import { attrLen, attrPtr, docPairs, loadAttribute, loadDocFields } from "../doc-fields";
import { Index, docAt, fieldByName } from "../index-spec";
import { HL, SUM, highlight, highlighted, highlights } from "./highlight";
import { summarize, summarized } from "./summarize";
import { ResultSet, resultId, resultScore } from "../query/results";
import { listGet } from "../u32-list";
import { noContent, returnAt, returnCount, withScores } from "./options";
import { replyVectorScore, vectorScoreIs, vectorScorePairs } from "../vector-score";

const nameBuf = memory.data(32);
const number = memory.data(32);

function bulk(s: string): void {
  for (let i = 0; i < s.length; i++) store<u8>(nameBuf + <usize>i, <u8>s.charCodeAt(i));
  replyBulk(nameBuf, s.length);
}

/** Replies `count` results of `r` in `order` (positions) from `first`, with `total` matches. */
export function replySearch(x: Index, argv: usize, r: ResultSet, order: usize, first: i32, count: i32, total: i32): void {
  const resp3 = protocol() == 3;
  const content = !noContent && returnCount != 0;
  if (resp3) {
    replyMap(5);
    bulk("attributes"); replyArray(0);
    bulk("format"); bulk("STRING");
    bulk("results"); replyArray(count);
  } else {
    let per = 1;
    if (withScores) per++;
    if (content) per++;
    replyArray(1 + count * per);
    replyInt(total);
  }
  for (let i = 0; i < count; i++) {
    const pos = <i32>load<u32>(order + (<usize>(first + i) << 2));
    const d = docAt(x, resultId(r, pos));
    const key: usize = d == null ? 0 : d.key;
    if (resp3) replyMap(2 + (withScores ? 1 : 0) + (content ? 1 : 0));
    if (resp3) bulk("id");
    if (key != 0) replyBulk(strPtr(key), strLen(key)); else replyBulk(0, 0);
    if (withScores) {
      if (resp3) { bulk("score"); replyDouble(resultScore(r, pos)); }
      else replyBulk(number, formatDouble(resultScore(r, pos), number));
    }
    if (content) {
      if (resp3) bulk("extra_attributes");
      replyFields(x, argv, key, resp3, resultScore(r, pos));
    }
    if (resp3) { bulk("values"); replyArray(0); }
  }
  if (resp3) {
    bulk("total_results"); replyInt(total);
    bulk("warning");
    if (timedOut) { replyArray(1); bulk(ERR_TIMEOUT); } else replyArray(0);
  }
}

/** A field's value, highlighted and summarized as HIGHLIGHT and SUMMARIZE cover it. */
function replyValue(x: Index, name: usize, nameLen: i32, ptr: usize, len: i32): void {
  const mode = highlights(x, name, nameLen);
  if ((mode & SUM) != 0 && summarize(x, ptr, len, (mode & HL) != 0)) { replyBulk(summarized.ptr, summarized.len); return; }
  if ((mode & HL) == 0) { replyBulk(ptr, len); return; }
  highlight(ptr, len);
  replyBulk(highlighted.ptr, highlighted.len);
}

function replyFields(x: Index, argv: usize, key: usize, resp3: bool, score: f64): void {
  if (key == 0) { if (resp3) replyMap(0); else replyArray(0); return; }
  if (returnCount < 0) {
    const ok = loadDocFields(x, strPtr(key), strLen(key));
    const p = docPairs();
    const n = ok ? p.len >> 2 : 0;
    const extra = vectorScorePairs();
    if (resp3) replyMap(n + extra); else replyArray((n + extra) * 2);
    if (extra != 0) replyVectorScore(score);
    for (let i = 0; i < n; i++) {
      const name = <usize>listGet(p, 4 * i), nameLen = <i32>listGet(p, 4 * i + 1);
      replyBulk(name, nameLen);
      replyValue(x, name, nameLen, <usize>listGet(p, 4 * i + 2), <i32>listGet(p, 4 * i + 3));
    }
    return;
  }
  // RETURN n identifier [AS name] …: count the values present first (the header needs the count).
  let found = 0;
  for (let pass = 0; pass < 2; pass++) {
    if (pass == 1) { if (resp3) replyMap(found); else replyArray(found * 2); }
    let i = returnAt;
    const end = returnAt + returnCount;
    while (i < end) {
      const id = argPtr(argv, i), idLen = argLen(argv, i);
      let outPtr = id, outLen = idLen;
      if (i + 2 < end && isWord(argPtr(argv, i + 1), argLen(argv, i + 1), "AS")) {
        outPtr = argPtr(argv, i + 2);
        outLen = argLen(argv, i + 2);
        i += 3;
      } else i++;
      if (vectorScorePairs() != 0 && vectorScoreIs(id, idLen)) {
        if (pass == 0) found++;
        else replyVectorScore(score, outPtr, outLen);
        continue;
      }
      if (!loadAttribute(x, strPtr(key), strLen(key), id, idLen)) continue;
      if (pass == 0) found++;
      else {
        replyBulk(outPtr, outLen);
        const f = fieldByName(x, id, idLen);
        if (f != null) replyValue(x, strPtr(f.path), strLen(f.path), attrPtr, attrLen); else replyBulk(attrPtr, attrLen);
      }
    }
  }
}
