// The DUMP/RESTORE payload: the owner's serialized value followed by a trailer naming its type and
// encoding version, a format version and a CRC32 — like Redis's RDB version + CRC64 trailer, so a
// corrupt payload or one whose type no loaded plugin defines is refused before any plugin sees it.
// Layout: value | type name | u8 name length | u32 encver | u8 format | u32 crc32 (little-endian).
import { crc32 } from "node:zlib";

const FORMAT = 1;
const TRAILER = 1 + 4 + 1 + 4;

export function encodeDump(value: Buffer, typeName: string, encver: number): Buffer {
  const name = Buffer.from(typeName, "latin1");
  const out = Buffer.alloc(value.length + name.length + TRAILER);
  value.copy(out, 0);
  let p = value.length;
  p += name.copy(out, p);
  out[p++] = name.length;
  out.writeUInt32LE(encver, p);
  p += 4;
  out[p++] = FORMAT;
  out.writeUInt32LE(crc32(out.subarray(0, p)), p);
  return out;
}

export function decodeDump(payload: Uint8Array): { value: Uint8Array; typeName: string; encver: number } | null {
  const buf = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  if (buf.length < TRAILER) return null;
  const crcAt = buf.length - 4;
  if (buf[crcAt - 1] !== FORMAT || buf.readUInt32LE(crcAt) !== crc32(buf.subarray(0, crcAt))) return null;
  const encver = buf.readUInt32LE(crcAt - 5);
  const nameLen = buf[crcAt - 6];
  const nameAt = crcAt - 6 - nameLen;
  if (nameAt < 0) return null;
  return { value: buf.subarray(0, nameAt), typeName: buf.toString("latin1", nameAt, nameAt + nameLen), encver };
}
