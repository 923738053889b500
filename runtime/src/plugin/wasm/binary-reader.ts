// A cursor over a wasm binary: just the primitives the section parsers need (bytes, LEB128 integers,
// names), each failing with the byte offset so a broken plugin file gets a message a human can act on.

export class InvalidWasmError extends Error {}

export class BinaryReader {
  at = 0;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  fail(what: string, at = this.at): never {
    throw new InvalidWasmError(`invalid wasm module: ${what} at byte ${at}`);
  }

  byte(): number {
    if (this.at >= this.bytes.length) this.fail("unexpected end");
    return this.bytes[this.at++];
  }

  /** Unsigned LEB128 as a JS number: exact up to 2^53, enough for u32 fields and memory64 page counts. */
  leb(): number {
    const start = this.at;
    let value = 0;
    for (let scale = 1; scale < 2 ** 63; scale *= 128) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return value;
    }
    return this.fail("malformed LEB128", start);
  }

  name(): string {
    const length = this.leb();
    const end = this.at + length;
    if (end > this.bytes.length) this.fail("name runs past the end");
    let text: string;
    try {
      text = this.decoder.decode(this.bytes.subarray(this.at, end));
    } catch {
      return this.fail("name is not UTF-8");
    }
    this.at = end;
    return text;
  }
}
