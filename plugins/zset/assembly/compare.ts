// The order of a sorted set: by score, then by member bytes (memcmp, a shorter prefix first) like
// Redis's sdscmp.

export function compareBytes(a: usize, aLen: i32, b: usize, bLen: i32): i32 {
  const c = memory.compare(a, b, <usize>min(aLen, bLen));
  return c != 0 ? c : aLen - bLen;
}

/** Negative when (s1, m1) sorts before (s2, m2), 0 when equal, positive after. */
export function compareEntries(s1: f64, m1: usize, l1: i32, s2: f64, m2: usize, l2: i32): i32 {
  if (s1 < s2) return -1;
  if (s1 > s2) return 1;
  return compareBytes(m1, l1, m2, l2);
}
