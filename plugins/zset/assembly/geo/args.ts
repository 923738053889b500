// GEO arguments read as Redis reads them: coordinates, units, radii and boxes. Each parser replies
// with Redis's error and returns false when the argument is not acceptable.
import { argIs, argLen, argPtr, parseF64, parsedF64, replyError, replyErrorBytes, ERR_NOT_FLOAT } from "ferrite-sdk";
import { zsFind, zsScore } from "../zset";
import { formatFixed } from "./fixed";
import { GEO_LAT_MAX, GEO_LAT_MIN, GEO_LONG_MAX, GEO_LONG_MIN, decodeScore } from "./geohash";

export let parsedLon: f64 = 0;
export let parsedLat: f64 = 0;

/** Room for the error's text and two %f numbers of up to 309 integer digits. */
const errorText = memory.data(800);
const INVALID_PAIR = "ERR invalid longitude,latitude pair ";

function parseDouble(argv: usize, i: i32, error: string): bool {
  if (parseF64(argPtr(argv, i), argLen(argv, i))) return true;
  replyError(error);
  return false;
}

/** Longitude then latitude, from argument i (extractLongLatOrReply). */
export function parseLonLat(argv: usize, i: i32): bool {
  if (!parseDouble(argv, i, ERR_NOT_FLOAT)) return false;
  parsedLon = parsedF64;
  if (!parseDouble(argv, i + 1, ERR_NOT_FLOAT)) return false;
  parsedLat = parsedF64;
  if (parsedLon >= GEO_LONG_MIN && parsedLon <= GEO_LONG_MAX && parsedLat >= GEO_LAT_MIN && parsedLat <= GEO_LAT_MAX) return true;
  let n = 0;
  for (; n < INVALID_PAIR.length; n++) store<u8>(errorText + n, <u8>INVALID_PAIR.charCodeAt(n));
  n += formatFixed(parsedLon, 6, errorText + n);
  store<u8>(errorText + n++, 44); // ','
  n += formatFixed(parsedLat, 6, errorText + n);
  replyErrorBytes(errorText, n);
  return false;
}

/** Meters per unit of argument i, or -1 after replying the error (extractUnitOrReply). */
export function parseUnit(argv: usize, i: i32): f64 {
  if (argIs(argv, i, "m")) return 1;
  if (argIs(argv, i, "km")) return 1000;
  if (argIs(argv, i, "ft")) return 0.3048;
  if (argIs(argv, i, "mi")) return 1609.34;
  replyError("ERR unsupported unit provided. please use M, KM, FT, MI");
  return -1;
}

export let parsedRadius: f64 = 0;
export let parsedWidth: f64 = 0;
export let parsedHeight: f64 = 0;
export let parsedUnit: f64 = 0;

/** `radius unit` from argument i (extractDistanceOrReply). */
export function parseRadius(argv: usize, i: i32): bool {
  if (!parseDouble(argv, i, "ERR need numeric radius")) return false;
  parsedRadius = parsedF64;
  if (parsedRadius < 0) { replyError("ERR radius cannot be negative"); return false; }
  parsedUnit = parseUnit(argv, i + 1);
  return parsedUnit >= 0;
}

/** `width height unit` from argument i (extractBoxOrReply). */
export function parseBox(argv: usize, i: i32): bool {
  if (!parseDouble(argv, i, "ERR need numeric width")) return false;
  parsedWidth = parsedF64;
  if (!parseDouble(argv, i + 1, "ERR need numeric height")) return false;
  parsedHeight = parsedF64;
  if (parsedHeight < 0 || parsedWidth < 0) { replyError("ERR height or width cannot be negative"); return false; }
  parsedUnit = parseUnit(argv, i + 2);
  return parsedUnit >= 0;
}

/** Decodes the position of the member in argument i of set z (decodedLon/Lat); false when absent. */
export function memberPosition(z: usize, argv: usize, i: i32): bool {
  const c = zsFind(z, argPtr(argv, i), argLen(argv, i));
  if (c == 0) return false;
  decodeScore(zsScore(z, c));
  return true;
}
