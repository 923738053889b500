// The snapshot file format (docs/adr/0007-persistence.md): Ferrite's own, not RDB, because values are
// whatever their plugin's save callback writes. A file is a magic and a version, then checksummed blocks:
//
//   file   = "FERRSNAP" | u16 version | block* | END block
//   block  = u8 kind (| 0x80 when deflated) | u32 payload length | payload | u32 crc32(kind..payload)
//   META   = JSON: creation time, the loaded plugins (name, version, path, args, types)
//   KEYS   = u32 db index | entry*            (a database spans as many KEYS blocks as it needs)
//   entry  = u32 key length | key | u8 type-name length | type name | u32 encver | f64 expire ms (0: none)
//            | u32 value length | value (the type's save callback output, as DUMP carries it)
//   END    = f64 key count: a file without it was cut short
//
// All integers little-endian. A checksum of 0 means "not computed" (rdbchecksum no), as in RDB.
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

export const MAGIC = Buffer.from("FERRSNAP", "latin1");
export const VERSION = 1;
export const HEADER_BYTES = MAGIC.length + 2;
export const BLOCK_OVERHEAD = 1 + 4 + 4;

export const enum BlockKind {
  Meta = 1,
  Keys = 2,
  End = 0x7f,
}
const DEFLATED = 0x80;

export interface PluginRecord {
  name: string;
  version: string;
  path: string;
  args: string[];
  /** The value types it defines. */
  types: string[];
  /** Its own state beyond its keys (ferrite_aux_save), base64; absent when it has none. */
  aux?: string;
}

export interface SnapshotMeta {
  createdAt: number;
  plugins: PluginRecord[];
}

export interface BlockOptions {
  compress: boolean;
  checksum: boolean;
}

export function header(): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(h, 0);
  h.writeUInt16LE(VERSION, MAGIC.length);
  return h;
}

/** One framed block. Compression is kept only when it saves something. */
export function frameBlock(kind: BlockKind, payload: Buffer, opts: BlockOptions): Buffer {
  let body = payload;
  let k: number = kind;
  if (opts.compress && payload.length > 256) {
    const packed = deflateRawSync(payload, { level: 1 });
    if (packed.length < payload.length) {
      body = packed;
      k |= DEFLATED;
    }
  }
  const out = Buffer.allocUnsafe(BLOCK_OVERHEAD + body.length);
  out[0] = k;
  out.writeUInt32LE(body.length, 1);
  body.copy(out, 5);
  const end = 5 + body.length;
  out.writeUInt32LE(opts.checksum ? crc32(out.subarray(0, end)) || 1 : 0, end);
  return out;
}

export class SnapshotCorrupt extends Error {}

/** Check the header of a whole-file prefix; throws with the reason. */
export function checkHeader(h: Buffer): void {
  if (h.length < HEADER_BYTES || !h.subarray(0, MAGIC.length).equals(MAGIC)) throw new SnapshotCorrupt("not a Ferrite snapshot (bad magic)");
  const version = h.readUInt16LE(MAGIC.length);
  if (version > VERSION) throw new SnapshotCorrupt(`snapshot format version ${version} is newer than this server's (${VERSION})`);
}

/** Verify a framed block read whole (kind, length, payload, crc) and return its kind and plain payload. */
export function openBlock(framed: Buffer): { kind: BlockKind; payload: Buffer } {
  const end = framed.length - 4;
  const stored = framed.readUInt32LE(end);
  if (stored !== 0 && stored !== (crc32(framed.subarray(0, end)) || 1)) throw new SnapshotCorrupt("block checksum mismatch");
  const k = framed[0];
  const body = framed.subarray(5, end);
  const payload = k & DEFLATED ? inflateRawSync(body) : body;
  return { kind: (k & ~DEFLATED) as BlockKind, payload };
}

/** Appends entries to a growing KEYS payload. */
export class KeysPayload {
  private buf = Buffer.allocUnsafe(1 << 16);
  length = 0;
  count = 0;
  db = 0;

  constructor(db: number) {
    this.reset(db);
  }

  reset(db: number): void {
    this.db = db;
    this.buf.writeUInt32LE(db, 0);
    this.length = 4;
    this.count = 0;
  }

  add(key: Uint8Array, typeName: string, encver: number, expire: number, value: Uint8Array): void {
    const need = 4 + key.length + 1 + typeName.length + 4 + 8 + 4 + value.length;
    this.reserve(need);
    const b = this.buf;
    let p = this.length;
    b.writeUInt32LE(key.length, p); p += 4;
    b.set(key, p); p += key.length;
    b[p++] = typeName.length;
    p += b.write(typeName, p, "latin1");
    b.writeUInt32LE(encver, p); p += 4;
    b.writeDoubleLE(expire, p); p += 8;
    b.writeUInt32LE(value.length, p); p += 4;
    b.set(value, p); p += value.length;
    this.length = p;
    this.count++;
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(grown, 0, 0, this.length);
    this.buf = grown;
  }
}

export interface Entry {
  key: Buffer;
  typeName: string;
  encver: number;
  expire: number;
  value: Buffer;
}

/** The entries of a KEYS payload, in order. */
export function* readKeys(payload: Buffer): Generator<Entry> {
  let p = 4;
  try {
    while (p < payload.length) {
      const kl = payload.readUInt32LE(p); p += 4;
      const key = payload.subarray(p, p + kl); p += kl;
      const tl = payload[p++];
      const typeName = payload.toString("latin1", p, p + tl); p += tl;
      const encver = payload.readUInt32LE(p); p += 4;
      const expire = payload.readDoubleLE(p); p += 8;
      const vl = payload.readUInt32LE(p); p += 4;
      if (p + vl > payload.length) throw new RangeError("value past the block's end");
      const value = payload.subarray(p, p + vl); p += vl;
      yield { key, typeName, encver, expire, value };
    }
  } catch (e) {
    if (e instanceof RangeError) throw new SnapshotCorrupt(`malformed key entry: ${e.message}`);
    throw e;
  }
}
