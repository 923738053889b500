// PROBE.PACKED needle member [member ...]: packs the members as a sorted set does (each item followed by
// 9 extra bytes), then replies [index of needle or -1, members left after removing it].
import {
  argLen, argPtr, packedFind, packedNth, packedRemove, packedSkip, packedWrite, replyArray, replyInt,
} from "ferrite-sdk";

const EXTRA: i32 = 9;
const block = memory.data(4096);

export function run(argc: i32, argv: usize): void {
  let end = block;
  for (let i = 2; i < argc; i++) {
    end = packedWrite(end, argPtr(argv, i), argLen(argv, i));
    memory.fill(end, 0xff, <usize>EXTRA); // extra bytes that would read as a long length if not skipped
    end += <usize>EXTRA;
  }
  const found = packedFind(block, end, argPtr(argv, 1), argLen(argv, 1), EXTRA);
  let index = -1;
  if (found != 0) {
    index = 0;
    while (packedNth(block, index, EXTRA) != found) index++;
    end -= packedRemove(found, packedSkip(found, EXTRA), end);
  }
  let left = 0;
  for (let p = block; p < end; p = packedSkip(p, EXTRA)) left++;
  replyArray(2);
  replyInt(index);
  replyInt(left);
}
