// GRAPH.LIST: the names of the graph keys of the current database.
import { SCAN_ALL, keyScan, replyArray, replyBulk, resultLen, resultRead } from "ferrite-sdk";

const TYPE_NAME = "graphdata";

export function run(_argc: i32, _argv: usize): void {
  const type = String.UTF8.encode(TYPE_NAME);
  keyScan(0, 0, -1, changetype<usize>(type), type.byteLength, SCAN_ALL);
  const len = resultLen();
  const names = heap.alloc(<usize>len);
  resultRead(names);
  const count = load<u32>(names);
  replyArray(<i32>count);
  let at = names + 4;
  for (let i: u32 = 0; i < count; i++) {
    const n = load<u32>(at);
    replyBulk(at + 4, <i32>n);
    at += 4 + n;
  }
  heap.free(names);
  __collect();
}

