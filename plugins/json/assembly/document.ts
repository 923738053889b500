// A key's value: a document header [u32 root node][i64 bytes]. `bytes` is the running heap figure of
// the whole tree (header included) that MEMORY USAGE and the hot tier read in O(1): every command that
// changes a document notes liveBytes (node.ts) before and settles the difference after.
//
// The root is packed (one block, node.ts) when the document was written whole (JSON.SET of the root,
// loading, COPY), and a tree once a write below the root changed it: findDoc thaws a packed document for
// a write, unless the command asked to keep it packed (a whole-root JSON.SET, the number operations that
// rewrite a number's 9 bytes in place).
import { keyFindArg, FIND_WRITE, WRONGTYPE } from "ferrite-sdk";
import { blockAlloc, blockFree, isPacked, liveBytes, nodeCopy, nodeDepth, nodeFree } from "./node";

/** findDoc's flag (with FIND_WRITE) for a write that keeps a packed document packed. */
export const KEEP_PACKED: i32 = 1 << 30;
/**
 * What the last findDoc's thaw added to its document's figure (settled already): a command that noted
 * liveBytes before calling findDoc adds it to its mark.
 */
export let thawedBytes: i64 = 0;

export const JSON_TYPE: i32 = 0;
const DOC_SIZE: usize = 12;

/** A document around `root`, counting what was allocated since `mark` (the tree) and the header. */
export function docNew(root: usize, mark: i64): usize {
  const d = blockAlloc(DOC_SIZE);
  store<u32>(d, <u32>root);
  store<i64>(d + 4, liveBytes - mark);
  return d;
}

export function docFree(d: usize): void {
  nodeFree(docRoot(d));
  blockFree(d, DOC_SIZE);
}

// @ts-ignore: decorator
@inline export function docRoot(d: usize): usize { return <usize>load<u32>(d); }
/** Where the root is held: the slot of a match on `$`. */
// @ts-ignore: decorator
@inline export function rootSlot(d: usize): usize { return d; }
// @ts-ignore: decorator
@inline export function docBytes(d: usize): i64 { return load<i64>(d + 4); }

/** Adds what was allocated or freed since `mark` to the document's figure. */
export function docSettle(d: usize, mark: i64): void { store<i64>(d + 4, load<i64>(d + 4) + liveBytes - mark); }

/** The document key argument i names: its header, 0 when missing, or -1 for another type's key. */
export function findDoc(argv: usize, i: i32, flags: i32): isize {
  thawedBytes = 0;
  const found = keyFindArg(argv, i, JSON_TYPE, flags & ~KEEP_PACKED);
  if (found == WRONGTYPE) return -1;
  if (found < 0) return 0;
  if ((flags & (FIND_WRITE | KEEP_PACKED)) == FIND_WRITE) docThaw(<usize>found);
  return <isize>found;
}

/** Makes a packed document a tree (before a write that adds, removes or moves values). */
export function docThaw(d: usize): void {
  thawedBytes = 0;
  const root = docRoot(d);
  if (!isPacked(root)) return;
  const mark = liveBytes;
  store<u32>(d, <u32>nodeCopy(root));
  nodeFree(root);
  docSettle(d, mark);
  thawedBytes = liveBytes - mark;
}

/** The parser's nesting limit, which writes below the root keep too (the tree's functions recurse). */
const MAX_DEPTH: i32 = 127;
export const ERR_TOO_DEEP = "ERR recursion limit exceeded";

/**
 * Whether putting container `value` somewhere below the root of `d` could nest deeper than the parser
 * allows: checked against the document's whole depth, so it may refuse a value that would just fit under
 * a shallow branch of a deep document. Scalars never deepen anything.
 */
export function tooDeep(d: usize, value: usize): bool {
  const added = nodeDepth(value);
  return added > 0 && nodeDepth(docRoot(d)) + added > MAX_DEPTH;
}
