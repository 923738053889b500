// The zset value's fixed header block; its pointer is the key's handle and never moves, so the data
// behind it (listpack bytes, skiplist and member table) can be reallocated without rebinding the key.
//
//   0  u32 encoding          ENC_LISTPACK or ENC_SKIPLIST
//   4  u32 count             members
//   8  u32 a                 listpack: entries block      skiplist: head node
//  12  u32 b                 listpack: bytes used          skiplist: tail node (0 when empty)
//  16  u32 c                 listpack: block capacity      skiplist: levels in use
//  20  u32 d                 skiplist: member table
//  24  u32 e                 skiplist: bytes of all its nodes, kept as they come and go, so that the
//                            memory callback (run after every write, for tiered storage) is O(1)

import { configValue, packedItemLimit } from "ferrite-sdk";

export const ENC_LISTPACK: u32 = 0;
export const ENC_SKIPLIST: u32 = 1;
export const HEADER_SIZE: usize = 28;

/** Config zset-max-listpack-entries (plugin.json's configs[0]): more members make a skiplist. */
// @ts-ignore: decorator
@inline export function listpackMaxEntries(): i64 { return configValue(0); }
/** Config zset-max-listpack-value (configs[1]), capped at what a packed item's length byte holds. */
// @ts-ignore: decorator
@inline export function listpackMaxValue(): i32 { return packedItemLimit(configValue(1)); }

// @ts-ignore: decorator
@inline export function zEncoding(z: usize): u32 { return load<u32>(z); }
// @ts-ignore: decorator
@inline export function zCount(z: usize): i32 { return <i32>load<u32>(z, 4); }
// @ts-ignore: decorator
@inline export function setCount(z: usize, n: i32): void { store<u32>(z, <u32>n, 4); }
// @ts-ignore: decorator
@inline export function fieldA(z: usize): usize { return <usize>load<u32>(z, 8); }
// @ts-ignore: decorator
@inline export function fieldB(z: usize): usize { return <usize>load<u32>(z, 12); }
// @ts-ignore: decorator
@inline export function fieldC(z: usize): usize { return <usize>load<u32>(z, 16); }
// @ts-ignore: decorator
@inline export function fieldD(z: usize): usize { return <usize>load<u32>(z, 20); }
// @ts-ignore: decorator
@inline export function fieldE(z: usize): usize { return <usize>load<u32>(z, 24); }
// @ts-ignore: decorator
@inline export function setFieldE(z: usize, v: usize): void { store<u32>(z, <u32>v, 24); }
// @ts-ignore: decorator
@inline export function setFieldA(z: usize, v: usize): void { store<u32>(z, <u32>v, 8); }
// @ts-ignore: decorator
@inline export function setFieldB(z: usize, v: usize): void { store<u32>(z, <u32>v, 12); }
// @ts-ignore: decorator
@inline export function setFieldC(z: usize, v: usize): void { store<u32>(z, <u32>v, 16); }
// @ts-ignore: decorator
@inline export function setFieldD(z: usize, v: usize): void { store<u32>(z, <u32>v, 20); }
