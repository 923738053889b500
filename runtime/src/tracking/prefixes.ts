// BCAST prefixes: Redis's checkPrefixCollisionsOrReply. Two prefixes collide when one starts the other
// (both would invalidate the same keys); the empty prefix collides with every other.

function overlap(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/**
 * Redis's error text for the first prefix of `added` that collides with one the client has (`existing`,
 * compared in Redis's sorted radix-tree order) or with a later one of `added`; null when none does.
 */
export function prefixCollision(existing: ReadonlySet<string>, added: readonly string[]): string | null {
  const have = [...existing].sort();
  for (let i = 0; i < added.length; i++) {
    for (const e of have) {
      if (overlap(e, added[i]))
        return `ERR Prefix '${added[i]}' overlaps with an existing prefix '${e}'. Prefixes for a single client must not overlap.`;
    }
    for (let j = i + 1; j < added.length; j++) {
      if (overlap(added[i], added[j]))
        return `ERR Prefix '${added[i]}' overlaps with another provided prefix '${added[j]}'. Prefixes for a single client must not overlap.`;
    }
  }
  return null;
}
