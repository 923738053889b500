// A byte string in graph memory: [u32 length][bytes]. Names and string (or list) property values.
import { Graph, gAlloc, gFree } from "./graph";

export function blobNew(g: Graph, ptr: usize, len: u32): usize {
  const b = gAlloc(g, 4 + <usize>len);
  store<u32>(b, len);
  memory.copy(b + 4, ptr, len);
  return b;
}

@inline export function blobLen(b: usize): u32 { return load<u32>(b); }
@inline export function blobData(b: usize): usize { return b + 4; }

export function blobFree(g: Graph, b: usize): void { gFree(g, b, 4 + <usize>blobLen(b)); }

export function blobEquals(b: usize, ptr: usize, len: u32): bool {
  return blobLen(b) == len && memory.compare(blobData(b), ptr, len) == 0;
}
