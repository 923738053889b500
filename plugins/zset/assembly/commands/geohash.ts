// GEOHASH key member [member ...]: the standard 11-character geohash of each member, or null.
import { keyFindArg, replyArray, replyBulk, replyNull, replyWrongType, MISSING, WRONGTYPE } from "ferrite-sdk";
import { memberPosition } from "../geo/args";
import { decodedLat, decodedLon, encodedBits, geohashEncode, GEO_STEP_MAX } from "../geo/geohash";
import { ZSET_TYPE } from "../zset-key";

const ALPHABET = "0123456789bcdefghjkmnpqrstuvwxyz";
const text = memory.data(11);

export function run(argc: i32, argv: usize): void {
  const h = keyFindArg(argv, 1, ZSET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  replyArray(argc - 2);
  for (let i = 2; i < argc; i++) {
    if (h == MISSING || !memberPosition(<usize>h, argv, i)) { replyNull(); continue; }
    // Scores use Mercator's latitude limits; a standard geohash spans -90..90: re-encode.
    geohashEncode(decodedLon, decodedLat, -90, 90, GEO_STEP_MAX);
    // 52 bits make ten characters; the eleventh is always '0', as Redis answers.
    for (let c = 0; c < 10; c++) {
      const idx = <i32>((encodedBits >> <u64>(52 - (c + 1) * 5)) & 0x1f);
      store<u8>(text + c, <u8>ALPHABET.charCodeAt(idx));
    }
    store<u8>(text + 10, 48);
    replyBulk(text, 11);
  }
}
