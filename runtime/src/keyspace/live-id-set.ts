// Which entry ids hold a key: a bitmap (one bit per id) plus a Fenwick tree counting live ids per
// 32-id word. The bitmap lets a scan skip dead ids 32 at a time; the tree finds the k-th live id in
// O(log n), which keeps random sampling exactly uniform even when deletions have left the id range sparse.
// About 0.25 bytes per id.

export class LiveIdSet {
  private words: Uint32Array;
  private tree: Uint32Array; // 1-based Fenwick tree over popcount(words[i])

  /** `capacity` must be a power of two, at least 32. */
  constructor(capacity: number) {
    this.words = new Uint32Array(capacity >>> 5);
    this.tree = new Uint32Array(this.words.length + 1);
  }

  has(id: number): boolean {
    return ((this.words[id >>> 5]! >>> (id & 31)) & 1) === 1;
  }

  add(id: number): void {
    this.words[id >>> 5]! |= 1 << (id & 31);
    this.adjust(id >>> 5, 1);
  }

  delete(id: number): void {
    this.words[id >>> 5]! &= ~(1 << (id & 31));
    this.adjust(id >>> 5, -1);
  }

  /** The first live id in [from, end), or `end` when there is none. */
  next(from: number, end: number): number {
    if (from >= end) return end;
    let w = from >>> 5;
    let bits = this.words[w]! & (-1 << (from & 31));
    const lastWord = (end - 1) >>> 5;
    while (bits === 0) {
      if (++w > lastWord) return end;
      bits = this.words[w]!;
    }
    const id = (w << 5) + (31 - Math.clz32(bits & -bits));
    return id < end ? id : end;
  }

  /** The live id of rank `k` (0-based, k < number of live ids). */
  select(k: number): number {
    const tree = this.tree;
    let word = 0;
    for (let step = this.words.length; step > 0; step >>>= 1) {
      const next = word + step;
      if (next < tree.length && tree[next]! <= k) {
        word = next;
        k -= tree[next]!;
      }
    }
    let bits = this.words[word]!;
    for (; k > 0; k--) bits &= bits - 1;
    return (word << 5) + (31 - Math.clz32(bits & -bits));
  }

  /** Keep the current ids and make room up to `capacity` ids. */
  grow(capacity: number): void {
    const words = new Uint32Array(capacity >>> 5);
    words.set(this.words);
    this.words = words;
    // Rebuilding the tree in O(n) is cheaper than re-adding every id.
    const tree = new Uint32Array(words.length + 1);
    for (let i = 1; i < tree.length; i++) {
      tree[i]! += popcount(words[i - 1]!);
      const parent = i + (i & -i);
      if (parent < tree.length) tree[parent]! += tree[i]!;
    }
    this.tree = tree;
  }

  memoryBytes(): number {
    return this.words.byteLength + this.tree.byteLength;
  }

  private adjust(word: number, delta: number): void {
    const tree = this.tree;
    for (let i = word + 1; i < tree.length; i += i & -i) tree[i]! += delta;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
