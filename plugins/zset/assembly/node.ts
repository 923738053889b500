// A skiplist node: [f64 score][u32 backward][u32 member length][u8 levels][levels × (u32 forward,
// u32 span)][member bytes]. The member lives in the node only; the member table points at nodes.

export const MAX_LEVEL: i32 = 32;
const LEVELS_AT: usize = 17;

export function nodeCreate(level: i32, score: f64, m: usize, len: i32): usize {
  const n = heap.alloc(LEVELS_AT + (<usize>level << 3) + <usize>len);
  store<f64>(n, score);
  store<u32>(n, 0, 8);
  store<u32>(n, <u32>len, 12);
  store<u8>(n, <u8>level, 16);
  memory.fill(n + LEVELS_AT, 0, <usize>level << 3);
  memory.copy(nodeMember(n), m, <usize>len);
  return n;
}

/** Bytes a node of this level and member length takes. */
export function nodeSize(n: usize): i32 { return <i32>LEVELS_AT + (nodeLevel(n) << 3) + nodeLen(n); }

// @ts-ignore: decorator
@inline export function nodeScore(n: usize): f64 { return load<f64>(n); }
// @ts-ignore: decorator
@inline export function setNodeScore(n: usize, s: f64): void { store<f64>(n, s); }
// @ts-ignore: decorator
@inline export function nodeBack(n: usize): usize { return <usize>load<u32>(n, 8); }
// @ts-ignore: decorator
@inline export function setNodeBack(n: usize, b: usize): void { store<u32>(n, <u32>b, 8); }
// @ts-ignore: decorator
@inline export function nodeLen(n: usize): i32 { return <i32>load<u32>(n, 12); }
// @ts-ignore: decorator
@inline export function nodeLevel(n: usize): i32 { return <i32>load<u8>(n, 16); }
// @ts-ignore: decorator
@inline export function nodeMember(n: usize): usize { return n + LEVELS_AT + (<usize>nodeLevel(n) << 3); }
// @ts-ignore: decorator
@inline export function forward(n: usize, i: i32): usize { return <usize>load<u32>(n + LEVELS_AT + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline export function setForward(n: usize, i: i32, f: usize): void { store<u32>(n + LEVELS_AT + (<usize>i << 3), <u32>f); }
// @ts-ignore: decorator
@inline export function span(n: usize, i: i32): i32 { return <i32>load<u32>(n + LEVELS_AT + (<usize>i << 3) + 4); }
// @ts-ignore: decorator
@inline export function setSpan(n: usize, i: i32, s: i32): void { store<u32>(n + LEVELS_AT + (<usize>i << 3) + 4, <u32>s); }
