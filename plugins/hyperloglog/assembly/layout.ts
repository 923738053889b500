// Redis's HyperLogLog format, byte for byte (src/hyperloglog.c): a 16-byte header — "HYLL", the
// encoding byte, 3 unused bytes, an 8-byte little-endian cached cardinality whose top bit marks it
// stale — then either 16384 6-bit registers (dense) or run-length opcodes (sparse). Keeping the very
// same bytes means the same promotion points as Redis and a DUMP payload holding what Redis's GET returns.

import { configValue } from "ferrite-sdk";

export const HLL_P: i32 = 14;
export const HLL_Q: i32 = 64 - HLL_P;
export const REGISTERS: i32 = 1 << HLL_P;
export const REGISTER_MAX: u32 = 63;

export const HDR_SIZE: i32 = 16;
export const DENSE_SIZE: i32 = HDR_SIZE + REGISTERS * 6 / 8;

/** Values of the encoding byte; also the indexes of "dense" and "sparse" in plugin.json's encodings. */
export const ENC_DENSE: u8 = 0;
export const ENC_SPARSE: u8 = 1;

const ENCODING_OFFSET: usize = 4;
const CARD_OFFSET: usize = 8;
const STALE_BYTE: usize = 15;
const STALE_BIT: u8 = 0x80;

/** Config hll-sparse-max-bytes (plugin.json's configs[0]): a longer sparse representation goes dense. */
// @ts-ignore: decorator
@inline export function sparseMaxBytes(): i64 { return configValue(0); }

// @ts-ignore: decorator
@inline export function encodingOf(data: usize): u8 { return load<u8>(data + ENCODING_OFFSET); }
// @ts-ignore: decorator
@inline export function setEncoding(data: usize, enc: u8): void { store<u8>(data + ENCODING_OFFSET, enc); }

export function writeMagic(data: usize): void {
  store<u32>(data, 0x4c4c5948); // "HYLL" read as a little-endian u32
}

export function hasMagic(data: usize): bool { return load<u32>(data) == 0x4c4c5948; }

export function cacheValid(data: usize): bool { return (load<u8>(data + STALE_BYTE) & STALE_BIT) == 0; }

export function cachedCard(data: usize): i64 { return load<i64>(data + CARD_OFFSET); }

export function setCachedCard(data: usize, card: i64): void { store<i64>(data + CARD_OFFSET, card); }

export function invalidateCache(data: usize): void {
  store<u8>(data + STALE_BYTE, load<u8>(data + STALE_BYTE) | STALE_BIT);
}
