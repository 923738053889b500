// Which entry ids hold a key: a bitmap (one bit per id) plus a Fenwick tree counting live ids per
// 32-id word. The bitmap lets a scan skip dead ids 32 at a time; the tree finds the k-th live id in
// O(log n), which keeps random sampling exactly uniform even when deletions have left the id range sparse.
// About 0.25 bytes per id. Both arrays double when they grow: that copies 0.25 bytes per id (2 MiB at
// 8 M ids, well under a millisecond), and the tree needs no rebuild (see grow()).

export class LiveIdSet {
  private words = new Uint32Array(1); // a power of two
  private tree = new Uint32Array(2); // 1-based Fenwick tree over popcount(words[i])

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

  /** Keep the current ids and make room for ids below `capacity`. */
  grow(capacity: number): void {
    const n = this.words.length;
    if (capacity <= n * 32) return;
    const length = 2 ** Math.ceil(Math.log2(capacity / 32));
    const words = new Uint32Array(length);
    words.set(this.words);
    this.words = words;
    // With n a power of two, node i of the doubled tree covers words (i - lowbit(i), i]: for n < i the new,
    // empty words only, except at i = 2n, 4n, … which cover everything: the total, held by node n.
    const tree = new Uint32Array(length + 1);
    tree.set(this.tree);
    for (let i = 2 * n; i <= length; i *= 2) tree[i] = this.tree[n]!;
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
