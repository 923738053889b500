// FT.DICTDUMP dict: the dictionary's terms in byte order (RediSearch walks a trie), as a set (an array
// in RESP2); an empty one for a dictionary that does not exist.
import { argLen, argPtr, bmCount, bmKey, bmKeyLen, replyBulk, replySet } from "ferrite-sdk";
import { dictFind, dictSorted } from "../dict/dicts";

export function run(_argc: i32, argv: usize): void {
  const terms = dictFind(argPtr(argv, 1), argLen(argv, 1));
  if (terms == 0) {
    replySet(0);
    return;
  }
  const n = bmCount(terms);
  const order = dictSorted(terms);
  replySet(n);
  for (let i = 0; i < n; i++) {
    const e = <usize>load<u32>(order + <usize>(i * 4));
    replyBulk(bmKey(e), bmKeyLen(e));
  }
}
