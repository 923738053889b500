// The checks every XGROUP subcommand makes, in Redis's order: the key must hold a stream (or be
// missing for CREATE ... MKSTREAM), and all but CREATE/DESTROY need the group.
import { argLen, argPtr, keyFindArg, parsedI64, parseI64, replyError, replyWrongType, FIND_WRITE } from "ferrite-sdk";
import { ENTRIES_READ_INVALID } from "./group";
import { findGroup, Group } from "./group";
import { asStream, replyErrorQuoting, MISSING, WRONGTYPE } from "./stream-key";
import { STREAM_TYPE } from "./stream";

export { MISSING };

/** The stream handle at argument 2 (MISSING only when allowMissing), or WRONGTYPE after replying an error. */
export function xgroupStream(argv: usize, allowMissing: bool): f64 {
  const h = keyFindArg(argv, 2, STREAM_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return WRONGTYPE; }
  if (h == MISSING && !allowMissing) {
    replyError("ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.");
    return WRONGTYPE;
  }
  return h;
}

/** The group named by argument 3 of the stream at argument 2, or null after replying NOGROUP. */
export function xgroupGroup(argv: usize): Group | null {
  const h = xgroupStream(argv, false);
  if (h < 0) return null;
  const g = findGroup(asStream(h).groups, argPtr(argv, 3), argLen(argv, 3));
  if (!g) replyErrorQuoting(argv, "NOGROUP No such consumer group '", 3, "' for key name '", 2, "'");
  return g;
}

export let entriesRead: i64 = ENTRIES_READ_INVALID;

/** ENTRIESREAD's value at argument i into entriesRead; false when it is not an integer (the caller replies). */
export function parseEntriesRead(argv: usize, i: i32): bool {
  if (!parseI64(argPtr(argv, i), argLen(argv, i))) return false;
  entriesRead = parsedI64;
  return true;
}

/** ENTRIESREAD's range check; false after replying its error. */
export function entriesReadInRange(): bool {
  if (entriesRead >= 0 || entriesRead == ENTRIES_READ_INVALID) return true;
  replyError("ERR value for ENTRIESREAD must be positive or -1");
  return false;
}

/** Resets entriesRead to "unknown", the default of both CREATE and SETID. */
export function resetEntriesRead(): void { entriesRead = ENTRIES_READ_INVALID; }

/** "unknown subcommand or wrong number of arguments" as Redis words it for XGROUP. */
export function replyXgroupSyntax(argv: usize): void {
  replyErrorQuoting(argv, "ERR unknown subcommand or wrong number of arguments for '", 1, "'. Try XGROUP HELP.");
}
