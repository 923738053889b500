// Writes that replace or remove matched values. Matches may nest (`$..a` on {"a":{"a":1}}): as RedisJSON
// does, only the topmost of nested matches is written, so that no write touches a value an earlier one
// freed. The matched slots go into a sorted set; one walk of the tree acts on each slot in the set and
// does not descend below it, visiting arrays from their end so that removing an item moves no slot
// still to visit.
import { ByteBuilder } from "ferrite-sdk";
import { docRoot, rootSlot } from "./document";
import {
  arrGet, arrRemove, arrSlot, count, emptyContainer, intNew, isNumber, K_ARRAY, K_INT, K_OBJECT, kind, nodeCopy,
  nodeFree, numberAsF64, objRemove, objSlot, objVal, intValue,
} from "./node";
import { matchCount, matchSlot } from "./path";

export const MODE_DELETE: i32 = 1;
export const MODE_REPLACE: i32 = 2;
export const MODE_CLEAR: i32 = 3;

const slots = new ByteBuilder();
let slotCount: i32 = 0;
let mode: i32 = 0;
let value: usize = 0;
let valueUsed: bool = false;
let changed: i32 = 0;

function slotAt(i: i32): u32 { return load<u32>(slots.ptr + (<usize>i << 2)); }

function collect(): void {
  slots.reset();
  for (let i = 0; i < matchCount; i++) {
    store<u32>(slots.reserve(4), <u32>matchSlot(i));
    slots.len += 4;
  }
  // Shell sort: no allocation, fine for the few thousand matches a path may have.
  const n = matchCount;
  for (let gap = n >> 1; gap > 0; gap >>= 1) {
    for (let i = gap; i < n; i++) {
      const v = slotAt(i);
      let j = i;
      while (j >= gap && slotAt(j - gap) > v) { store<u32>(slots.ptr + (<usize>j << 2), slotAt(j - gap)); j -= gap; }
      store<u32>(slots.ptr + (<usize>j << 2), v);
    }
  }
  slotCount = n;
}

function inSet(slot: usize): bool {
  let lo = 0, hi = slotCount - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = <usize>slotAt(mid);
    if (v == slot) return true;
    if (v < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Applies `how` to the topmost matches of the last evalPath on document `d` and returns how many values
 * it changed. MODE_REPLACE puts `replacement` (then copies of it) in their place and frees it if it was
 * not used; MODE_DELETE never sees the root (deleting it deletes the key).
 */
export function writeMatches(d: usize, how: i32, replacement: usize): i32 {
  mode = how;
  value = replacement;
  valueUsed = false;
  changed = 0;
  collect();
  if (inSet(rootSlot(d))) act(0, 0, rootSlot(d));
  else visit(docRoot(d));
  if (how == MODE_REPLACE && !valueUsed) nodeFree(replacement);
  return changed;
}

function visit(node: usize): void {
  const k = kind(node);
  if (k != K_ARRAY && k != K_OBJECT) return;
  for (let j = count(node) - 1; j >= 0; j--) {
    const slot = k == K_ARRAY ? arrSlot(node, j) : objSlot(node, j);
    if (inSet(slot)) act(node, j, slot);
    else visit(k == K_ARRAY ? arrGet(node, j) : objVal(node, j));
  }
}

function act(parent: usize, j: i32, slot: usize): void {
  const target = <usize>load<u32>(slot);
  if (mode == MODE_DELETE) {
    if (kind(parent) == K_ARRAY) nodeFree(arrRemove(parent, j));
    else objRemove(parent, j);
    changed++;
  } else if (mode == MODE_REPLACE) {
    nodeFree(target);
    store<u32>(slot, <u32>(valueUsed ? nodeCopy(value) : value));
    valueUsed = true;
    changed++;
  } else {
    // CLEAR: containers emptied, numbers zeroed; RedisJSON counts only what was not already so.
    const k = kind(target);
    if (k == K_ARRAY || k == K_OBJECT) {
      if (count(target) > 0) { emptyContainer(target); changed++; }
    } else if (isNumber(target) && !(k == K_INT ? intValue(target) == 0 : numberAsF64(target) == 0)) {
      nodeFree(target);
      store<u32>(slot, <u32>intNew(0));
      changed++;
    }
  }
}
