// SRANDMEMBER's picks with a count, chosen as Redis does by how the count compares with the set's size.
import { randomBelow, replyArray, replyBulk } from "ferrite-sdk";
import { iterNext, iterStart, memberLen, memberPtr, randomMember } from "./member";
import { setAdd, setSize } from "./set";
import { freeTemp, tempSet } from "./temp-set";

/** Past this, a count is a large share of the set: one pass choosing members beats random picks. */
const SHARE_FOR_ONE_PASS: i64 = 3;

/** `n` random members, repeats allowed (a negative count). */
export function replyRepeated(s: usize, n: i32): void {
  replyArray(n);
  for (let i = 0; i < n; i++) {
    randomMember(s);
    replyBulk(memberPtr, memberLen);
  }
}

/** `count` distinct random members; count is below the set's size. */
export function replyDistinct(s: usize, count: i32): void {
  const size = setSize(s);
  replyArray(count);
  if (<i64>count * SHARE_FOR_ONE_PASS > <i64>size) {
    // Selection sampling (Knuth's algorithm S): each member is kept with probability needed/remaining,
    // which gives every subset of `count` members the same chance, in one pass and no memory.
    let needed = count;
    let remaining = size;
    iterStart(s);
    while (needed > 0 && iterNext()) {
      if (<i32>randomBelow(<u32>remaining) < needed) {
        replyBulk(memberPtr, memberLen);
        needed--;
      }
      remaining--;
    }
    return;
  }
  // A few members of a large set: random picks, remembering the ones already sent.
  const sent = tempSet();
  for (let picked = 0; picked < count; ) {
    randomMember(s);
    if (setAdd(sent, memberPtr, memberLen)) {
      replyBulk(memberPtr, memberLen);
      picked++;
    }
  }
  freeTemp();
}
