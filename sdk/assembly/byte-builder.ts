// A growable byte string in one heap block, for replies and save images built piece by piece (a JSON
// document's text, say). The block is kept and reused: once it has grown to a command's largest
// output, building costs no allocation. Declare one per use at top level (`const out = new ByteBuilder()`):
// a save callback may run while a command is building, so the two must not share one.
import { formatI64, I64_MAX_CHARS } from "./numbers";

export class ByteBuilder {
  ptr: usize = 0;
  len: i32 = 0;
  cap: i32 = 0;

  /** Empties the builder, keeping its block. */
  reset(): void { this.len = 0; }

  /** Makes room for `more` bytes past the end and returns where they go. */
  // Inlined, with the growth out of line: a serializer calls byte() per bracket and comma, and a call
  // per byte (under the fuel instrumentation) was a fifth of JSON.GET's time.
  // @ts-ignore: decorator
  @inline reserve(more: i32): usize {
    const need = this.len + more;
    if (need > this.cap) this.grow(need);
    return this.ptr + <usize>this.len;
  }

  private grow(need: i32): void {
    let cap = this.cap < 256 ? 256 : this.cap;
    while (cap < need) cap = cap < 0x40000000 ? cap << 1 : need;
    this.ptr = this.ptr == 0 ? heap.alloc(<usize>cap) : heap.realloc(this.ptr, <usize>cap);
    this.cap = cap;
  }

  // @ts-ignore: decorator
  @inline byte(c: u32): void {
    store<u8>(this.reserve(1), <u8>c);
    this.len++;
  }

  // @ts-ignore: decorator
  @inline bytes(src: usize, n: i32): void {
    memory.copy(this.reserve(n), src, <usize>n);
    this.len += n;
  }

  /** An ASCII literal (a keyword, a fixed text). */
  ascii(text: string): void {
    const dst = this.reserve(text.length);
    for (let i = 0; i < text.length; i++) store<u8>(dst + <usize>i, <u8>text.charCodeAt(i));
    this.len += text.length;
  }

  i64(v: i64): void { this.len += formatI64(v, this.reserve(I64_MAX_CHARS)); }

  /** A little-endian u32 (the length prefixes of plugin_call's binary answers). */
  u32(v: u32): void {
    store<u32>(this.reserve(4), v);
    this.len += 4;
  }

  /** A length-prefixed item: u32 length, then the bytes (read back with itemLen/itemPtr). */
  item(src: usize, n: i32): void {
    this.u32(<u32>n);
    this.bytes(src, n);
  }

  /** Drops the bytes from `len` on. */
  truncate(len: i32): void { this.len = len; }
}

/** The length of the length-prefixed item at `p` (ByteBuilder.item); NO_ITEM marks an absent one. */
// @ts-ignore: decorator
@inline export function itemLen(p: usize): i32 { return <i32>load<u32>(p); }
/** Its bytes. */
// @ts-ignore: decorator
@inline export function itemPtr(p: usize): usize { return p + 4; }
/** The item after it (an absent one has no bytes). */
// @ts-ignore: decorator
@inline export function itemNext(p: usize): usize { const n = itemLen(p); return p + 4 + (n < 0 ? 0 : <usize>n); }
/** The length an absent item is written with (a field the hash does not have). */
export const NO_ITEM: i32 = -1;
