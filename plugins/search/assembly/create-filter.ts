// FT.CREATE's FILTER: an expression of the aggregate language (aggregate/) over a document's fields,
// decided each time a key is (re)indexed: a document it rejects (false, or an error such as a missing
// field) is not indexed, as in RediSearch. The parsed expression is a managed object kept reachable
// in `compiled` across collections; evaluating allocates rows and values, so the event and timer
// callbacks collect after a filtered indexing (collectFilterGarbage) — never in the middle of a
// command, whose own managed objects are not rooted.
import { Index } from "./index-spec";
import { fieldByPath } from "./index-spec";
import { errStart } from "./errors";
import { strLen, strPtr } from "./bytes";
import { U32List, listGet } from "./u32-list";
import { Expr } from "./aggregate/expr";
import { parseError, parseExpr } from "./aggregate/expr-parse";
import { evaluate } from "./aggregate/eval";
import { Row } from "./aggregate/row";
import { bytesString, strVal, truthy } from "./aggregate/value";

/** Index pointer → its parsed FILTER. */
const compiled = new Map<usize, Expr>();
let garbage = false;

/** Parses the index's FILTER, if any; false with the parser's error built. */
export function compileFilter(x: Index): bool {
  if (x.filter == 0) return true;
  const e = parseExpr(bytesString(strPtr(x.filter), strLen(x.filter)));
  if (e === null) {
    errStart(parseError);
    return false;
  }
  compiled.set(changetype<usize>(x), e);
  return true;
}

export function forgetFilter(x: Index): void {
  compiled.delete(changetype<usize>(x));
}

/**
 * Whether the document read into `pairs` (name, value pointers and lengths, as indexer.ts reads them)
 * passes the index's FILTER. Fields are bound by the name read (hash field or JSONPath) and by their
 * schema attribute name; `__key` is the key.
 */
export function passesFilter(x: Index, key: usize, keyLen: i32, pairs: U32List): bool {
  if (x.filter == 0 || !compiled.has(changetype<usize>(x))) return true;
  garbage = true;
  const row = new Row();
  row.set("__key", strVal(bytesString(key, keyLen)));
  for (let i = 0; i + 3 < pairs.len; i += 4) {
    const namePtr = <usize>listGet(pairs, i), nameLen = <i32>listGet(pairs, i + 1);
    const value = strVal(bytesString(<usize>listGet(pairs, i + 2), <i32>listGet(pairs, i + 3)));
    row.set(bytesString(namePtr, nameLen), value);
    const f = fieldByPath(x, namePtr, nameLen);
    if (f != null && !(strLen(f.name) == nameLen && memory.compare(strPtr(f.name), namePtr, <usize>nameLen) == 0)) {
      row.set(bytesString(strPtr(f.name), strLen(f.name)), value);
    }
  }
  const v = evaluate(compiled.get(changetype<usize>(x)), row);
  return v !== null && truthy(v);
}

/** Frees what filter evaluations allocated; only from a callback's top level (nothing managed live). */
export function collectFilterGarbage(): void {
  if (!garbage) return;
  garbage = false;
  __collect();
}
