// Finding, binding and dropping sorted sets by argument index.
import { argLen, argPtr, keyDelete, keyFind, keySet, MISSING } from "ferrite-sdk";
import { zsCard, zsFind } from "./zset";

/** Index of `zset` in plugin.json's types. */
export const ZSET_TYPE: i32 = 0;

/** The sorted set at the key in argument i: a handle, MISSING or WRONGTYPE. */
export function findZset(argv: usize, i: i32, flags: i32 = 0): f64 {
  return keyFind(argPtr(argv, i), argLen(argv, i), ZSET_TYPE, flags);
}

/** Binds sorted set z to the key in argument i (replacing whatever was there, TTL cleared). */
export function storeZset(argv: usize, i: i32, z: usize): void {
  keySet(argPtr(argv, i), argLen(argv, i), ZSET_TYPE, <f64>z);
}

/** An emptied set deletes its key, as in Redis. */
export function deleteIfEmpty(argv: usize, i: i32, z: usize): void {
  if (zsCard(z) == 0) keyDelete(argPtr(argv, i), argLen(argv, i));
}

/** The member in argument i of the set found as h (a handle or MISSING): its cursor, or 0. */
export function findMember(h: f64, argv: usize, i: i32): usize {
  return h == MISSING ? 0 : zsFind(<usize>h, argPtr(argv, i), argLen(argv, i));
}
