// ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]
import { argIs, replyError, ERR_SYNTAX } from "ferrite-sdk";
import { ADD_CH, ADD_GT, ADD_INCR, ADD_LT, ADD_NX, ADD_XX, zadd } from "../add";

export function run(argc: i32, argv: usize): void {
  let flags = 0;
  let i = 2;
  for (; i < argc; i++) {
    if (argIs(argv, i, "NX")) flags |= ADD_NX;
    else if (argIs(argv, i, "XX")) flags |= ADD_XX;
    else if (argIs(argv, i, "GT")) flags |= ADD_GT;
    else if (argIs(argv, i, "LT")) flags |= ADD_LT;
    else if (argIs(argv, i, "CH")) flags |= ADD_CH;
    else if (argIs(argv, i, "INCR")) flags |= ADD_INCR;
    else break;
  }
  const elements = argc - i;
  if (elements == 0 || (elements & 1) != 0) { replyError(ERR_SYNTAX); return; }
  if ((flags & ADD_NX) && (flags & ADD_XX)) {
    replyError("ERR XX and NX options at the same time are not compatible");
    return;
  }
  if ((flags & (ADD_GT | ADD_LT)) != 0 && ((flags & ADD_NX) || (flags & (ADD_GT | ADD_LT)) == (ADD_GT | ADD_LT))) {
    replyError("ERR GT, LT, and/or NX options at the same time are not compatible");
    return;
  }
  if ((flags & ADD_INCR) && elements > 2) {
    replyError("ERR INCR option supports a single increment-element pair");
    return;
  }
  zadd(argc, argv, i, flags);
}
