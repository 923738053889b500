// The list value: a 16-byte heap block [head node u32][tail node u32][length u31 | quicklist flag]
// [bytes of all its nodes u32]. Its pointer is the key's handle, so it never moves; the nodes behind it
// do (node.ts). The node bytes are kept as nodes come, go and resize, so that the memory callback (run
// after every write, for tiered storage) does not walk the list.
//
// The flag is the encoding OBJECT ENCODING reports. Redis 7.2 keeps a small list as one bare listpack
// and converts it to a quicklist past list-max-listpack-size; here both are the same chain of nodes, and
// the flag only decides whether node-size limits apply (a listpack never splits) — see list.ts.

const QUICKLIST_FLAG: u32 = 0x80000000;

// @ts-ignore: decorator
@inline export function listHead(l: usize): usize { return <usize>load<u32>(l); }
// @ts-ignore: decorator
@inline export function listTail(l: usize): usize { return <usize>load<u32>(l, 4); }
// @ts-ignore: decorator
@inline export function listLen(l: usize): i32 { return <i32>(load<u32>(l, 8) & ~QUICKLIST_FLAG); }
// @ts-ignore: decorator
@inline export function isQuicklist(l: usize): bool { return (load<u32>(l, 8) & QUICKLIST_FLAG) != 0; }

// @ts-ignore: decorator
@inline export function setListHead(l: usize, n: usize): void { store<u32>(l, <u32>n); }
// @ts-ignore: decorator
@inline export function setListTail(l: usize, n: usize): void { store<u32>(l, <u32>n, 4); }

export function setListLen(l: usize, len: i32): void {
  store<u32>(l, (load<u32>(l, 8) & QUICKLIST_FLAG) | <u32>len, 8);
}

export function setQuicklist(l: usize, on: bool): void {
  store<u32>(l, <u32>listLen(l) | (on ? QUICKLIST_FLAG : 0), 8);
}

export const LIST_HEADER: usize = 16;

// @ts-ignore: decorator
@inline export function listNodeBytes(l: usize): usize { return <usize>load<u32>(l, 12); }
// @ts-ignore: decorator
@inline export function addListNodeBytes(l: usize, delta: isize): void { store<u32>(l, <u32>(<isize>listNodeBytes(l) + delta), 12); }

export function listNew(): usize {
  const l = heap.alloc(LIST_HEADER);
  memory.fill(l, 0, LIST_HEADER);
  return l;
}
