// FT.SEARCH's PARAMS: `$name` in a query stands for a value given with the command. Kept as pointers
// into the command's arguments, valid for the command.
import { scratchAlloc } from "../scratch";

let table: usize = 0;
let count: i32 = 0;

export function paramsReset(): void { count = 0; table = 0; }

/** Records `count` name/value pairs starting at argument table entry `first` (argv pointers). */
export function paramsSet(entries: usize, n: i32): void {
  table = entries;
  count = n;
}

/** Makes room for n pairs in the scratch arena (valid for the command). */
export function paramsAlloc(n: i32): usize { return scratchAlloc(<usize>n << 4); }

export let paramPtr: usize = 0;
export let paramLen: i32 = 0;

/** Looks `len` bytes at `ptr` (the name after `$`) up; false when not given. */
export function paramFind(ptr: usize, len: i32): bool {
  for (let i = 0; i < count; i++) {
    const e = table + (<usize>i << 4);
    if (load<u32>(e, 4) == <u32>len && memory.compare(<usize>load<u32>(e), ptr, <usize>len) == 0) {
      paramPtr = <usize>load<u32>(e, 8);
      paramLen = <i32>load<u32>(e, 12);
      return true;
    }
  }
  return false;
}
