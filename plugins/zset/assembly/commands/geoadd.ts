// GEOADD key [NX|XX] [CH] longitude latitude member [...]: as in Redis, rewritten into the ZADD it
// stands for (score = the position's 52-bit geohash) once every position is valid.
import { argIs, argLen, argPtr, formatI64, replyError, ERR_SYNTAX, I64_MAX_CHARS } from "ferrite-sdk";
import { ADD_CH, ADD_NX, ADD_XX, zadd } from "../add";
import { parseLonLat, parsedLat, parsedLon } from "../geo/args";
import { GEO_LAT_MAX, GEO_LAT_MIN, GEO_STEP_MAX, align52, encodedBits, geohashEncode } from "../geo/geohash";

export function run(argc: i32, argv: usize): void {
  let flags = 0;
  let first = 2;
  for (; first < argc; first++) {
    if (argIs(argv, first, "NX")) flags |= ADD_NX;
    else if (argIs(argv, first, "XX")) flags |= ADD_XX;
    else if (argIs(argv, first, "CH")) flags |= ADD_CH;
    else break;
  }
  const elements = (argc - first) / 3;
  // Redis's own check lets "GEOADD key CH" through to ZADD, whose answer is the same syntax error.
  if ((argc - first) % 3 != 0 || elements == 0 || ((flags & ADD_NX) && (flags & ADD_XX))) {
    replyError(ERR_SYNTAX);
    return;
  }
  for (let i = first; i < argc; i += 3) if (!parseLonLat(argv, i)) return;
  // The ZADD arguments: the same up to the options, then score/member pairs; score texts follow the table.
  const zargc = first + elements * 2;
  const table = heap.alloc(<usize>zargc * 8 + <usize>elements * I64_MAX_CHARS);
  memory.copy(table, argv, <usize>first * 8);
  let text = table + <usize>zargc * 8;
  for (let j = 0; j < elements; j++) {
    const src = first + j * 3;
    parseLonLat(argv, src);
    geohashEncode(parsedLon, parsedLat, GEO_LAT_MIN, GEO_LAT_MAX, GEO_STEP_MAX);
    const len = formatI64(<i64>align52(encodedBits, GEO_STEP_MAX), text);
    const entry = table + <usize>(first + j * 2) * 8;
    store<u32>(entry, <u32>text);
    store<u32>(entry, <u32>len, 4);
    store<u32>(entry, <u32>argPtr(argv, src + 2), 8);
    store<u32>(entry, <u32>argLen(argv, src + 2), 12);
    text += len;
  }
  zadd(zargc, table, first, flags);
  heap.free(table);
}
