// GEODIST key member1 member2 [M|KM|FT|MI]: null when the key or either member is missing.
import { keyFindArg, replyError, replyNull, replyWrongType, ERR_SYNTAX, MISSING, WRONGTYPE } from "ferrite-sdk";
import { memberPosition, parseUnit } from "../geo/args";
import { geoDistance } from "../geo/distance";
import { decodedLat, decodedLon } from "../geo/geohash";
import { replyDistance } from "../geo/reply";
import { ZSET_TYPE } from "../zset-key";

export function run(argc: i32, argv: usize): void {
  if (argc > 5) { replyError(ERR_SYNTAX); return; }
  const toMeters = argc == 5 ? parseUnit(argv, 4) : 1;
  if (toMeters < 0) return;
  const h = keyFindArg(argv, 1, ZSET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h == MISSING || !memberPosition(<usize>h, argv, 2)) { replyNull(); return; }
  const lon = decodedLon, lat = decodedLat;
  if (!memberPosition(<usize>h, argv, 3)) { replyNull(); return; }
  replyDistance(geoDistance(lon, lat, decodedLon, decodedLat) / toMeters);
}
