// GEOPOS key member [member ...]: each member's position, or a null array when it is absent.
import { keyFindArg, replyArray, replyNullArray, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { memberPosition } from "../geo/args";
import { decodedLat, decodedLon } from "../geo/geohash";
import { replyPosition } from "../geo/reply";
import { ZSET_TYPE } from "../zset-key";

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, ZSET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) {
    if (h != MISSING && memberPosition(<usize>h, argv, i)) replyPosition(decodedLon, decodedLat);
    else replyNullArray();
  }
}
