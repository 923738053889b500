// Reads and appends wasm custom sections without instantiating (or even compiling) the module, so the
// runtime can read a plugin's manifest before trusting it and the SDK can attach one after asc.

const HEADER_SIZE = 8; // "\0asm" + version
const CUSTOM_SECTION_ID = 0;

function readU32Leb(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  for (let i = at; i < bytes.length && shift < 35; i++, shift += 7) {
    const b = bytes[i];
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return { value, next: i + 1 };
  }
  throw new Error(`malformed LEB128 at byte ${at}`);
}

function u32Leb(value: number): number[] {
  const out: number[] = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) b |= 0x80;
    out.push(b);
  } while (value !== 0);
  return out;
}

function checkHeader(wasm: Uint8Array): void {
  const magic = wasm.length >= HEADER_SIZE && wasm[0] === 0 && wasm[1] === 0x61 && wasm[2] === 0x73 && wasm[3] === 0x6d;
  if (!magic) throw new Error("not a WebAssembly module (bad magic number)");
}

/** The payload of the first custom section called `name`, or null when there is none. */
export function readCustomSection(wasm: Uint8Array, name: string): Uint8Array | null {
  checkHeader(wasm);
  const decoder = new TextDecoder();
  let at = HEADER_SIZE;
  while (at < wasm.length) {
    const id = wasm[at];
    const size = readU32Leb(wasm, at + 1);
    const end = size.next + size.value;
    if (end > wasm.length) throw new Error(`section at byte ${at} runs past the end of the module`);
    if (id === CUSTOM_SECTION_ID) {
      const nameLen = readU32Leb(wasm, size.next);
      const nameEnd = nameLen.next + nameLen.value;
      if (nameEnd > end) throw new Error(`custom section name at byte ${at} runs past its section`);
      if (decoder.decode(wasm.subarray(nameLen.next, nameEnd)) === name) return wasm.subarray(nameEnd, end);
    }
    at = end;
  }
  return null;
}

/** A copy of `wasm` with a custom section `name` holding `payload` appended at the end (a fresh, unshared
 * buffer: WebAssembly.compile takes it as it is). */
export function appendCustomSection(wasm: Uint8Array, name: string, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  checkHeader(wasm);
  const nameBytes = new TextEncoder().encode(name);
  const nameLen = u32Leb(nameBytes.length);
  const body = nameLen.length + nameBytes.length + payload.length;
  const sizeLeb = u32Leb(body);
  const out = new Uint8Array(wasm.length + 1 + sizeLeb.length + body);
  let at = 0;
  out.set(wasm, at); at += wasm.length;
  out[at++] = CUSTOM_SECTION_ID;
  out.set(sizeLeb, at); at += sizeLeb.length;
  out.set(nameLen, at); at += nameLen.length;
  out.set(nameBytes, at); at += nameBytes.length;
  out.set(payload, at);
  return out;
}
