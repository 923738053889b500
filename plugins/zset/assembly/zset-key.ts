// The sorted set type's index, and a member looked up by argument index.
import { argLen, argPtr, MISSING } from "ferrite-sdk";
import { zsFind } from "./zset";

/** Index of `zset` in plugin.json's types. */
export const ZSET_TYPE: i32 = 0;

/** The member in argument i of the set found as h (a handle or MISSING): its cursor, or 0. */
export function findMember(h: f64, argv: usize, i: i32): usize {
  return h == MISSING ? 0 : zsFind(<usize>h, argPtr(argv, i), argLen(argv, i));
}
