// CF.INSERT and CF.INSERTNX: key [CAPACITY capacity] [NOCREATE] ITEMS item [item ...], the options told
// apart by their first letter as RedisBloom does.
import { argLen, argPtr, lowerAscii, parseI64, parsedI64, replyArityError, replyError } from "ferrite-sdk";
import { cfDefaultBucketSize, cfDefaultCapacity } from "./defaults";
import { insertItems } from "./insert";

export function insertCommand(argc: i32, argv: usize, unique: bool): void {
  let capacity: i64 = <i64>cfDefaultCapacity();
  let autocreate = true;
  let items = -1;
  let i = 2;
  while (i < argc && items < 0) {
    const c = argLen(argv, i) > 0 ? lowerAscii(<u32>load<u8>(argPtr(argv, i))) : 0;
    if (c == 99) { // c: CAPACITY
      if (++i == argc) { replyArityError(argv); return; }
      if (!parseI64(argPtr(argv, i), argLen(argv, i))) { replyError("Bad capacity"); return; }
      capacity = parsedI64;
      if (<i64>cfDefaultBucketSize() * 2 > capacity) { replyError("Capacity must be at least (BucketSize * 2)"); return; }
      i++;
    } else if (c == 105) { // i: ITEMS
      items = ++i;
    } else if (c == 110) { // n: NOCREATE
      autocreate = false;
      i++;
    } else {
      replyError("Unknown argument received");
      return;
    }
  }
  if (items < 0 || items == argc) { replyArityError(argv); return; }
  insertItems(argc, argv, items, true, unique, autocreate, <u64>capacity);
}
