// FT.SEARCH's options after the query. Parsed into module state (one command at a time), arguments kept
// as pointers into argv for the command's duration. Errors are built (errors.ts).
import { argLen, argPtr, parseF64, parseI64, parsedF64, parsedI64 } from "ferrite-sdk";
import { isWord } from "../bytes";
import { errAround, errStart } from "../errors";
import { paramsFromArgs, paramsReset } from "../query/params";
import { SCORER_BM25, SCORER_DOCSCORE, SCORER_TFIDF, SCORER_TFIDF_DOCNORM } from "../query/execute";

export let noContent = false;
export let verbatim = false;
export let noStopwords = false;
export let withScores = false;
export let withSortKeys = false;
export let offset: i64 = 0;
export let limit: i64 = 10;
export let dialect: i32 = 1;
export let scorer: i32 = SCORER_TFIDF;
/** SORTBY: the argument index of the field name (0: none), descending or not. */
export let sortByAt: i32 = 0;
export let sortDesc = false;
/** RETURN: the argument index of the first identifier and the count of arguments (-1: none given). */
export let returnAt: i32 = 0;
export let returnCount: i32 = -1;
/** INKEYS / INFIELDS: the argument index of the first and the count (0: none). */
export let inKeysAt: i32 = 0;
export let inKeysCount: i32 = 0;
export let inFieldsAt: i32 = 0;
export let inFieldsCount: i32 = 0;
/** FILTER numeric_field min max / GEOFILTER geo_field lon lat radius unit: argument indexes (u32 list in scratch). */
export let filtersAt: usize = 0;
export let filterCount: i32 = 0;
/** HIGHLIGHT [FIELDS n f…] [TAGS open close]: argument index of the keyword (0: none). */
export let highlightAt: i32 = 0;
export let summarizeAt: i32 = 0;
/** TIMEOUT ms (-1: FT.CONFIG's), see query/deadline.ts. */
export let timeoutMs: i64 = -1;

const filterTable = memory.data(64 << 2);

function count(argv: usize, i: i32, argc: i32): i32 {
  if (i >= argc || !parseI64(argPtr(argv, i), argLen(argv, i)) || parsedI64 < 0 || i + 1 + <i32>parsedI64 > argc) return -1;
  return <i32>parsedI64;
}

/** Parses arguments from `i` on; false with the error built. */
export function parseSearchOptions(argc: i32, argv: usize, i: i32, defaultDialect: i32): bool {
  noContent = false; verbatim = false; noStopwords = false; withScores = false; withSortKeys = false;
  offset = 0; limit = 10; dialect = defaultDialect; scorer = SCORER_TFIDF; sortByAt = 0; sortDesc = false;
  returnAt = 0; returnCount = -1; inKeysAt = 0; inKeysCount = 0; inFieldsAt = 0; inFieldsCount = 0;
  filtersAt = filterTable; filterCount = 0; highlightAt = 0; summarizeAt = 0; timeoutMs = -1;
  paramsReset();
  while (i < argc) {
    const p = argPtr(argv, i), l = argLen(argv, i);
    if (isWord(p, l, "NOCONTENT")) noContent = true;
    else if (isWord(p, l, "VERBATIM")) verbatim = true;
    else if (isWord(p, l, "NOSTOPWORDS")) noStopwords = true;
    else if (isWord(p, l, "WITHSCORES")) withScores = true;
    else if (isWord(p, l, "WITHSORTKEYS")) withSortKeys = true;
    else if (isWord(p, l, "WITHPAYLOADS") || isWord(p, l, "EXPLAINSCORE") || isWord(p, l, "INORDER")) {}
    else if (isWord(p, l, "LIMIT")) {
      if (i + 2 >= argc || !parseI64(argPtr(argv, i + 1), argLen(argv, i + 1)) || parsedI64 < 0) return bad("LIMIT");
      offset = parsedI64;
      if (!parseI64(argPtr(argv, i + 2), argLen(argv, i + 2)) || parsedI64 < 0) return bad("LIMIT");
      limit = parsedI64;
      i += 2;
    } else if (isWord(p, l, "SORTBY")) {
      if (i + 1 >= argc) return bad("SORTBY");
      sortByAt = i + 1;
      i++;
      if (i + 1 < argc && isWord(argPtr(argv, i + 1), argLen(argv, i + 1), "DESC")) { sortDesc = true; i++; }
      else if (i + 1 < argc && isWord(argPtr(argv, i + 1), argLen(argv, i + 1), "ASC")) i++;
      if (i + 1 < argc && isWord(argPtr(argv, i + 1), argLen(argv, i + 1), "WITHCOUNT")) i++;
    } else if (isWord(p, l, "RETURN")) {
      const n = count(argv, i + 1, argc);
      if (n < 0) return bad("RETURN");
      returnAt = i + 2;
      returnCount = n;
      i += 1 + n;
    } else if (isWord(p, l, "INKEYS")) {
      const n = count(argv, i + 1, argc);
      if (n < 0) return bad("INKEYS");
      inKeysAt = i + 2; inKeysCount = n;
      i += 1 + n;
      if (n == 0) inKeysAt = -1; // INKEYS 0: no key can match
    } else if (isWord(p, l, "INFIELDS")) {
      const n = count(argv, i + 1, argc);
      if (n < 0) return bad("INFIELDS");
      inFieldsAt = i + 2; inFieldsCount = n;
      i += 1 + n;
    } else if (isWord(p, l, "FILTER")) {
      if (i + 3 >= argc || filterCount == 64) return bad("FILTER");
      store<u32>(filterTable + (<usize>(filterCount++) << 2), <u32>i);
      i += 3;
    } else if (isWord(p, l, "GEOFILTER")) {
      if (i + 5 >= argc || filterCount == 64) return bad("GEOFILTER");
      store<u32>(filterTable + (<usize>(filterCount++) << 2), <u32>i);
      i += 5;
    } else if (isWord(p, l, "HIGHLIGHT") || isWord(p, l, "SUMMARIZE")) {
      if (isWord(p, l, "HIGHLIGHT")) highlightAt = i; else summarizeAt = i;
      // Their own options: FIELDS n f…, TAGS open close, FRAGS n, LEN n, SEPARATOR s.
      while (i + 1 < argc) {
        const q = argPtr(argv, i + 1), ql = argLen(argv, i + 1);
        if (isWord(q, ql, "FIELDS")) {
          const n = count(argv, i + 2, argc);
          if (n < 0) return bad("FIELDS");
          i += 2 + n;
        } else if (isWord(q, ql, "TAGS") && i + 3 < argc) i += 3;
        else if ((isWord(q, ql, "FRAGS") || isWord(q, ql, "LEN") || isWord(q, ql, "SEPARATOR")) && i + 2 < argc) i += 2;
        else break;
      }
    } else if (isWord(p, l, "TIMEOUT")) {
      if (i + 1 >= argc || !parseI64(argPtr(argv, i + 1), argLen(argv, i + 1)) || parsedI64 < 0) return bad("TIMEOUT");
      timeoutMs = parsedI64;
      i++;
    } else if (isWord(p, l, "SLOP") || isWord(p, l, "LANGUAGE") || isWord(p, l, "EXPANDER") || isWord(p, l, "PAYLOAD")) {
      if (i + 1 >= argc) return bad("argument");
      i++;
    } else if (isWord(p, l, "SCORER")) {
      if (i + 1 >= argc) return bad("SCORER");
      const s = argPtr(argv, i + 1), sl = argLen(argv, i + 1);
      if (isWord(s, sl, "TFIDF")) scorer = SCORER_TFIDF;
      else if (isWord(s, sl, "BM25") || isWord(s, sl, "BM25STD")) scorer = SCORER_BM25;
      else if (isWord(s, sl, "DOCSCORE")) scorer = SCORER_DOCSCORE;
      else if (isWord(s, sl, "TFIDF.DOCNORM")) scorer = SCORER_TFIDF_DOCNORM;
      else { errStart("Could not find the given scorer"); return false; }
      i++;
    } else if (isWord(p, l, "PARAMS")) {
      const n = count(argv, i + 1, argc);
      if (n < 0 || (n & 1) != 0) { errStart("Bad arguments for PARAMS: Expected an even number of arguments"); return false; }
      paramsFromArgs(argv, i + 2, n >> 1);
      i += 1 + n;
    } else if (isWord(p, l, "DIALECT")) {
      if (i + 1 >= argc || !parseI64(argPtr(argv, i + 1), argLen(argv, i + 1)) || parsedI64 < 1 || parsedI64 > 4) {
        errStart("DIALECT requires a non negative integer >=1 and <= 4");
        return false;
      }
      dialect = <i32>parsedI64;
      i++;
    } else {
      errAround("Unknown argument `", p, l, "`");
      return false;
    }
    i++;
  }
  return true;
}

function bad(what: string): bool {
  errAround("Bad arguments for ", 0, 0, what);
  return false;
}

export function filterArg(i: i32): i32 { return <i32>load<u32>(filtersAt + (<usize>i << 2)); }

/** A number argument of FILTER (with `(` and ±inf). */
export let filterValue: f64 = 0;
export let filterExclusive = false;

export function parseFilterBound(ptr: usize, len: i32): bool {
  filterExclusive = len > 0 && load<u8>(ptr) == 40;
  if (filterExclusive) { ptr++; len--; }
  if (isWord(ptr, len, "inf") || isWord(ptr, len, "+inf")) { filterValue = Infinity; return true; }
  if (isWord(ptr, len, "-inf")) { filterValue = -Infinity; return true; }
  if (!parseF64(ptr, len)) return false;
  filterValue = parsedF64;
  return true;
}
