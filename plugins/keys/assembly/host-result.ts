// Variable-length host answers (key names, type names, dumps, scan batches) wait in the host's result
// buffer. They are copied into one heap block that is reused and only grows, so replies allocate nothing.
import { result_read } from "ferrite-sdk/host.generated";

const MIN_SIZE: i32 = 4096;

let blockPtr: usize = 0;
let blockSize: i32 = 0;

/** Copies the last host result (`len` bytes) into plugin memory; valid until the next call. */
export function readResult(len: i32): usize {
  if (blockPtr == 0 || len > blockSize) {
    if (blockPtr != 0) heap.free(blockPtr);
    blockSize = max(len << 1, MIN_SIZE);
    blockPtr = heap.alloc(<usize>blockSize);
  }
  result_read(<i32>blockPtr);
  return blockPtr;
}
