// Consumer groups and their consumers (Redis's streamCG / streamConsumer). A group's PEL is a Vec of
// NACK records sorted by ID (pel.ts); a consumer does not keep its own PEL but counts its entries, and
// per-consumer views filter the group's PEL (a consumer's entries are a subset of it anyway).
import { XGROUP_CREATECONSUMER } from "./events";
import { namedNew, searchNamed } from "./named";
import { Vec, vecFree, vecInsert, vecMemory, vecNew, vecPtr, vecRemove } from "./vec";

/** Redis's SCG_INVALID_ENTRIES_READ: the group's read counter is unknown. */
export const ENTRIES_READ_INVALID: i64 = -1;
export const NACK_SIZE: i32 = 40;

@unmanaged export class Group {
  nameLen: i32;
  name: usize;
  lastMs: u64;
  lastSeq: u64;
  entriesRead: i64;
  pel: Vec;
  consumers: Vec; // Consumer pointers, sorted by name
}

@unmanaged export class Consumer {
  nameLen: i32;
  name: usize;
  seenTime: i64;
  activeTime: i64; // -1 until it first reads or claims something (Redis 7.2)
  pending: i32;
}

/** The group named name, or null. */
export function findGroup(groups: Vec, name: usize, len: i32): Group | null {
  const i = searchNamed(groups, name, len);
  return i < 0 ? null : changetype<Group>(vecPtr(groups, i));
}

/** A new group, or null when one with that name exists (BUSYGROUP). */
export function createGroup(groups: Vec, name: usize, len: i32, ms: u64, seq: u64, entriesRead: i64): Group | null {
  const i = searchNamed(groups, name, len);
  if (i >= 0) return null;
  const g = changetype<Group>(namedNew(offsetof<Group>(), name, len));
  g.lastMs = ms;
  g.lastSeq = seq;
  g.entriesRead = entriesRead;
  g.pel = vecNew(NACK_SIZE);
  g.consumers = vecNew(4);
  store<u32>(vecInsert(groups, -i - 1), <u32>changetype<usize>(g));
  return g;
}

export function groupFree(p: usize): void {
  const g = changetype<Group>(p);
  for (let i = 0; i < g.consumers.len; i++) heap.free(vecPtr(g.consumers, i));
  vecFree(g.consumers);
  vecFree(g.pel);
  heap.free(p);
}

export function groupMemory(p: usize): f64 {
  const g = changetype<Group>(p);
  let total = <f64>(offsetof<Group>() + g.nameLen + vecMemory(g.pel) + vecMemory(g.consumers));
  for (let i = 0; i < g.consumers.len; i++) total += <f64>(offsetof<Consumer>() + changetype<Consumer>(vecPtr(g.consumers, i)).nameLen);
  return total;
}

/** Removes the group named name; false when there is none. */
export function destroyGroup(groups: Vec, name: usize, len: i32): bool {
  const i = searchNamed(groups, name, len);
  if (i < 0) return false;
  groupFree(vecPtr(groups, i));
  vecRemove(groups, i);
  return true;
}

export function findConsumer(g: Group, name: usize, len: i32): Consumer | null {
  const i = searchNamed(g.consumers, name, len);
  return i < 0 ? null : changetype<Consumer>(vecPtr(g.consumers, i));
}

/** A new consumer seen at `now`, or null when it exists. */
export function createConsumer(g: Group, name: usize, len: i32, now: i64): Consumer | null {
  const i = searchNamed(g.consumers, name, len);
  if (i >= 0) return null;
  const c = changetype<Consumer>(namedNew(offsetof<Consumer>(), name, len));
  c.seenTime = now;
  c.activeTime = -1;
  store<u32>(vecInsert(g.consumers, -i - 1), <u32>changetype<usize>(c));
  return c;
}

/** The consumer, created when missing (what XREADGROUP and claiming do) about the stream in argument `key`. */
export function consumerFor(g: Group, name: usize, len: i32, now: i64, argv: usize, key: i32): Consumer {
  const c = findConsumer(g, name, len);
  if (c) return c;
  XGROUP_CREATECONSUMER.emitArg(argv, key);
  return changetype<Consumer>(createConsumer(g, name, len, now));
}

/** Detaches and frees consumer c (the caller already dropped its PEL entries). */
export function removeConsumer(g: Group, c: Consumer): void {
  const i = searchNamed(g.consumers, c.name, c.nameLen);
  vecRemove(g.consumers, i);
  heap.free(changetype<usize>(c));
}
