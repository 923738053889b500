// Error replies built from pieces (RediSearch's texts quote names from the command: "Unknown field at
// offset 3 near foo"), in one ByteBuilder reused across commands. Parsers only build the text and
// report failure; the command replies it (errSend), so the same parsers serve aux_load, where there is no
// client to reply to.
import { ByteBuilder, replyErrorBytes } from "ferrite-sdk";

const text = new ByteBuilder();

/** Starts an error text. */
export function errStart(s: string): void {
  text.reset();
  text.ascii(s);
}

export function errAscii(s: string): void { text.ascii(s); }

/** Appends bytes from the command (a name), line breaks made spaces so the reply stays one line. */
export function errBytes(ptr: usize, len: i32): void {
  for (let i = 0; i < len; i++) {
    const c = <u32>load<u8>(ptr + <usize>i);
    text.byte(c == 13 || c == 10 ? 32 : c);
  }
}

export function errInt(v: i64): void { text.i64(v); }

/** Replies the text built. */
export function errSend(): void { replyErrorBytes(text.ptr, text.len); }

/** The common shape, built: prefix, a name from the command, suffix. */
export function errAround(prefix: string, ptr: usize, len: i32, suffix: string): void {
  errStart(prefix);
  errBytes(ptr, len);
  errAscii(suffix);
}

/** Replies the common shape. */
export function replyErrorAround(prefix: string, ptr: usize, len: i32, suffix: string): void {
  errAround(prefix, ptr, len, suffix);
  errSend();
}

export const ERR_UNKNOWN_INDEX = "Unknown Index name";
export const ERR_INDEX_EXISTS = "Index already exists";
/** FT.ALIASADD/UPDATE's target is looked up without following aliases. */
export const ERR_ALIAS_TARGET = "Unknown index name (or name is an alias itself)";
export const ERR_ALIAS_CONFLICT = "Alias conflicts with an existing index name";
