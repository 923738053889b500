// The order of a sorted set: by score, then by member bytes (the SDK's compareBytes, Redis's sdscmp).
import { compareBytes } from "ferrite-sdk";

/** Negative when (s1, m1) sorts before (s2, m2), 0 when equal, positive after. */
export function compareEntries(s1: f64, m1: usize, l1: i32, s2: f64, m2: usize, l2: i32): i32 {
  if (s1 < s2) return -1;
  if (s1 > s2) return 1;
  return compareBytes(m1, l1, m2, l2);
}
