// Reading a hash document through the hash plugin's `fields` function (host API 1.8 plugin_call, ADR
// 0042): one call answers every (field, value) pair, or the values of chosen fields, as length-prefixed
// items, with no RESP reply to build and parse back as HGETALL through call_command needed.
import { ByteBuilder, PluginFunction, calledLen, calledOutput, itemLen, itemNext, itemPtr } from "ferrite-sdk";
import { U32List, listPush } from "./u32-list";

const FIELDS = new PluginFunction("hash", "fields");
const input = new ByteBuilder();

/**
 * Appends the hash's fields to `pairs` as (pointer, length) of field then value, pointing into the call's
 * output (valid until the next plugin call). False when the key holds no hash, or an empty one.
 */
export function readHashPairs(key: usize, keyLen: i32, pairs: U32List): bool {
  input.reset();
  input.item(key, keyLen);
  if (FIELDS.call(input.ptr, input.len) <= 0) return false;
  const end = calledOutput() + <usize>calledLen;
  for (let p = calledOutput(); p < end; p = itemNext(p)) {
    listPush(pairs, <u32>itemPtr(p));
    listPush(pairs, <u32>itemLen(p));
  }
  return true;
}

/** The value of one field into (hashValuePtr, hashValueLen), valid until the next plugin call; false when absent. */
export let hashValuePtr: usize = 0;
export let hashValueLen: i32 = 0;

export function readHashField(key: usize, keyLen: i32, field: usize, fieldLen: i32): bool {
  input.reset();
  input.item(key, keyLen);
  input.item(field, fieldLen);
  if (FIELDS.call(input.ptr, input.len) <= 0) return false;
  hashValuePtr = itemPtr(calledOutput());
  hashValueLen = itemLen(calledOutput());
  return true;
}
