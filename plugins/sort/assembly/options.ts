// SORT's options, parsed left to right as Redis's sortCommandGeneric does: the first bad option is the
// error, and it comes before any look at the key (a syntax error beats WRONGTYPE).
import { argIs, argLen, argPtr, parsedI64, parseIntArg, replyError, ERR_SYNTAX } from "ferrite-sdk";
import { GETS, block } from "./scratch";
import { fullKeyAccess } from "./key-access";

const ERR_BY_DENIED = "ERR BY option of SORT denied due to insufficient ACL permissions.";
const ERR_GET_DENIED = "ERR GET option of SORT denied due to insufficient ACL permissions.";

export let desc = false;
export let alpha = false;
/** BY without `*` (`BY nosort`): keep the source's order. Redis never clears it once set. */
export let dontSort = false;
export let limitStart: i64 = 0;
export let limitCount: i64 = -1;
/** Argument index of the BY pattern, or -1. */
export let byArg: i32 = -1;
/** Argument index of the STORE destination, or -1. */
export let storeArg: i32 = -1;
/** How many GET patterns; getArg(i) is the argument index of the i-th. */
export let getCount: i32 = 0;

export function getArg(i: i32): i32 {
  return load<i32>(block(GETS, 0) + (<usize>i << 2));
}

function hasStar(ptr: usize, len: i32): bool {
  for (let i = 0; i < len; i++) {
    const c = load<u8>(ptr + i);
    if (c == 42) return true;
    if (c == 0) return false; // Redis looks with strchr: the pattern ends at a NUL
  }
  return false;
}

/** Parses argv[2..]; false when it replied an error. `readonly` (SORT_RO) has no STORE. */
/** fullKeyAccess() of this command, asked on its first pattern: -1 not asked yet, then 0 or 1. */
let keyAccess: i32 = -1;

function patternsDenied(): bool {
  if (keyAccess < 0) keyAccess = fullKeyAccess() ? 1 : 0;
  return keyAccess == 0;
}

export function parseOptions(argc: i32, argv: usize, readonly: bool): bool {
  desc = false; alpha = false; dontSort = false;
  limitStart = 0; limitCount = -1;
  byArg = -1; storeArg = -1; getCount = 0;
  const gets = block(GETS, <usize>argc << 2);
  keyAccess = -1;
  for (let j = 2; j < argc; j++) {
    const left = argc - j - 1;
    if (argIs(argv, j, "ASC")) desc = false;
    else if (argIs(argv, j, "DESC")) desc = true;
    else if (argIs(argv, j, "ALPHA")) alpha = true;
    else if (argIs(argv, j, "LIMIT") && left >= 2) {
      if (!parseIntArg(argv, j + 1)) return false;
      limitStart = parsedI64;
      if (!parseIntArg(argv, j + 2)) return false;
      limitCount = parsedI64;
      j += 2;
    } else if (!readonly && argIs(argv, j, "STORE") && left >= 1) {
      storeArg = ++j;
    } else if (argIs(argv, j, "BY") && left >= 1) {
      byArg = ++j;
      if (!hasStar(argPtr(argv, j), argLen(argv, j))) dontSort = true;
      else if (patternsDenied()) { replyError(ERR_BY_DENIED); return false; }
    } else if (argIs(argv, j, "GET") && left >= 1) {
      if (patternsDenied()) { replyError(ERR_GET_DENIED); return false; }
      store<i32>(gets + (<usize>getCount << 2), ++j);
      getCount++;
    } else {
      replyError(ERR_SYNTAX);
      return false;
    }
  }
  return true;
}

/**
 * Redis sorts a set even under BY nosort when storing and in scripts, so that replicas and the AOF
 * see the same list: ALPHA on the elements themselves.
 */
export function sortSetForStore(): void {
  dontSort = false;
  alpha = true;
  byArg = -1;
}
