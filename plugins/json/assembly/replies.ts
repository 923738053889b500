// What the JSON commands share around a reply: the output builder, RedisJSON's error texts (module
// errors carry no ERR prefix unless RedisJSON writes one), and the path argument's checks.
import { argLen, argPtr, ByteBuilder, replyBulk, replyErrorBytes } from "ferrite-sdk";
import { errorColumn, errorLine, errorText, errorUtf8, parseJson, parsePacked, parseScratch } from "./parse";
import { checkPath, errorAt } from "./path";
import { typeName } from "./serialize";

/** A command's reply text (JSON.GET's document, an error with a path in it). */
export const out = new ByteBuilder();

export function replyOut(): void { replyBulk(out.ptr, out.len); }
function replyOutError(): void { replyErrorBytes(out.ptr, out.len); }

/** RedisJSON's error for a path that matched nothing where one value is required. */
export function replyPathMissing(ptr: usize, len: i32): void {
  out.reset();
  out.ascii("ERR Path '");
  out.bytes(ptr, len);
  out.ascii("' does not exist");
  replyOutError();
}

/** "ERR Path '<path>' does not exist or <why>" (legacy paths whose match has the wrong type). */
export function replyPathMissingOr(ptr: usize, len: i32, why: string): void {
  out.reset();
  out.ascii("ERR Path '");
  out.bytes(ptr, len);
  out.ascii("' does not exist or ");
  out.ascii(why);
  replyOutError();
}

/** RedisJSON's err_json: "WRONGTYPE wrong type of path value - expected <what> but found <type>". */
export function replyWrongPathType(expected: string, node: usize): void {
  out.reset();
  out.ascii("WRONGTYPE wrong type of path value - expected ");
  out.ascii(expected);
  out.ascii(" but found ");
  out.ascii(typeName(node));
  replyOutError();
}

/** The path of argument i, checked: false after replying its syntax error. */
export function pathOk(argv: usize, i: i32): bool {
  const ptr = argPtr(argv, i), len = argLen(argv, i);
  if (checkPath(ptr, len)) return true;
  // json_path's compile error, without its list of expected tokens.
  out.reset();
  out.ascii("Error occurred on position ");
  out.i64(errorAt);
  out.ascii(", \"");
  out.bytes(ptr, errorAt < len ? errorAt : len);
  out.ascii(" <<<<----\", invalid path");
  replyOutError();
  return false;
}

/** parseArg's forms: a tree (a value written below a root), a packed block (a key's whole document), or
 * the parser's scratch (a value only read, valid until the next parse and never freed: no allocation). */
export const AS_TREE: i32 = 0;
export const AS_PACKED: i32 = 1;
export const AS_SCRATCH: i32 = 2;

/** Parses the JSON text of argument i in the form asked for; 0 after replying serde_json's error. */
export function parseArg(argv: usize, i: i32, form: i32 = AS_TREE): usize {
  const ptr = argPtr(argv, i), len = argLen(argv, i);
  const v = form == AS_PACKED ? parsePacked(ptr, len) : form == AS_SCRATCH ? parseScratch(ptr, len) : parseJson(ptr, len);
  if (v != 0) return v;
  out.reset();
  if (errorUtf8) {
    out.ascii("Couldn't parse as UTF-8 string");
  } else {
    out.ascii(errorText);
    out.ascii(" at line ");
    out.i64(errorLine);
    out.ascii(" column ");
    out.i64(errorColumn);
  }
  replyOutError();
  return 0;
}

export const ERR_NO_KEY = "ERR could not perform this operation on a key that doesn't exist";
export const ERR_ROOT = "ERR new objects must be created at the root";
