// The option grammar of SET and GETEX (Redis's parseExtendedStringArgumentsOrReply): which tokens each
// command accepts, which exclude each other, and that an expiry token has its value.

import { argIs, replyError, ERR_SYNTAX } from "ferrite-sdk";
import { parseExpireAt, UNIT_MS, UNIT_SECONDS } from "./expire";

export const OPT_NX: i32 = 1;
export const OPT_XX: i32 = 2;
export const OPT_GET: i32 = 4;
export const OPT_KEEPTTL: i32 = 8;
export const OPT_PERSIST: i32 = 16;
export const OPT_EX: i32 = 32;
export const OPT_PX: i32 = 64;
export const OPT_EXAT: i32 = 128;
export const OPT_PXAT: i32 = 256;
export const OPT_ANY_EXPIRE: i32 = OPT_EX | OPT_PX | OPT_EXAT | OPT_PXAT;

export const FOR_SET: bool = true;
export const FOR_GETEX: bool = false;

/** The options parsed by the last successful parseSetOptions; the expiry is in expireAtMs. */
export let setOptions: i32 = 0;

/** Bit of the expiry token at argument i, or 0. */
function expireToken(argv: usize, i: i32): i32 {
  if (argIs(argv, i, "EX")) return OPT_EX;
  if (argIs(argv, i, "PX")) return OPT_PX;
  if (argIs(argv, i, "EXAT")) return OPT_EXAT;
  if (argIs(argv, i, "PXAT")) return OPT_PXAT;
  return 0;
}

/** Parses arguments from `first` on; on failure replies the error and returns false. */
export function parseSetOptions(argv: usize, argc: i32, first: i32, forSet: bool, invalidExpireText: string): bool {
  let flags = 0;
  let expireArg = 0;
  for (let j = first; j < argc; j++) {
    const exp = expireToken(argv, j);
    if (forSet && argIs(argv, j, "NX") && !(flags & OPT_XX)) flags |= OPT_NX;
    else if (forSet && argIs(argv, j, "XX") && !(flags & OPT_NX)) flags |= OPT_XX;
    else if (forSet && argIs(argv, j, "GET")) flags |= OPT_GET;
    else if (forSet && argIs(argv, j, "KEEPTTL") && !(flags & OPT_ANY_EXPIRE)) flags |= OPT_KEEPTTL;
    else if (!forSet && argIs(argv, j, "PERSIST") && !(flags & OPT_ANY_EXPIRE)) flags |= OPT_PERSIST;
    // The same expiry token may repeat (the last one wins), as in Redis; a different one may not.
    else if (exp != 0 && !(flags & (OPT_KEEPTTL | OPT_PERSIST)) && !(flags & OPT_ANY_EXPIRE & ~exp) && j + 1 < argc) {
      flags |= exp;
      expireArg = ++j;
    } else {
      replyError(ERR_SYNTAX);
      return false;
    }
  }
  if (expireArg != 0) {
    const seconds = flags & (OPT_EX | OPT_EXAT) ? UNIT_SECONDS : UNIT_MS;
    if (!parseExpireAt(argv, expireArg, seconds, (flags & (OPT_EX | OPT_PX)) != 0, invalidExpireText)) return false;
  }
  setOptions = flags;
  return true;
}
