// Redis's geohash (geohash.c): a position becomes two fixed-point offsets of `step` bits each, the
// latitude's on the even bits and the longitude's on the odd ones. Stored scores use 26 steps over
// Web Mercator's latitude limits (EPSG:900913), so a score is a 52-bit integer. Every float operation
// is kept in Redis's order: positions and distances must come out bit for bit the same.

export const GEO_STEP_MAX: i32 = 26;
export const GEO_LONG_MIN: f64 = -180;
export const GEO_LONG_MAX: f64 = 180;
export const GEO_LAT_MIN: f64 = -85.05112878;
export const GEO_LAT_MAX: f64 = 85.05112878;

/** Spreads the low 32 bits of x over the even bits (seander's InterleaveBMN). */
function spread(v: u64): u64 {
  v = (v | (v << 16)) & 0x0000FFFF0000FFFF;
  v = (v | (v << 8)) & 0x00FF00FF00FF00FF;
  v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0F;
  v = (v | (v << 2)) & 0x3333333333333333;
  return (v | (v << 1)) & 0x5555555555555555;
}

/** The inverse of spread: the even bits of v packed into 32 bits. */
function squeeze(v: u64): u64 {
  v &= 0x5555555555555555;
  v = (v | (v >> 1)) & 0x3333333333333333;
  v = (v | (v >> 2)) & 0x0F0F0F0F0F0F0F0F;
  v = (v | (v >> 4)) & 0x00FF00FF00FF00FF;
  v = (v | (v >> 8)) & 0x0000FFFF0000FFFF;
  return (v | (v >> 16)) & 0x00000000FFFFFFFF;
}

/** The last successful geohashEncode. */
export let encodedBits: u64 = 0;

/**
 * Redis's geohashEncode over the given latitude range (longitude always -180..180): false outside the
 * Mercator limits. A point on the upper edge gets offset 2^step, one bit past the hash, as in Redis.
 */
export function geohashEncode(lon: f64, lat: f64, latMin: f64, latMax: f64, step: i32): bool {
  if (lon > GEO_LONG_MAX || lon < GEO_LONG_MIN || lat > GEO_LAT_MAX || lat < GEO_LAT_MIN) return false;
  let latOffset = (lat - latMin) / (latMax - latMin);
  let lonOffset = (lon - GEO_LONG_MIN) / (GEO_LONG_MAX - GEO_LONG_MIN);
  latOffset *= <f64>(<u64>1 << step);
  lonOffset *= <f64>(<u64>1 << step);
  encodedBits = spread(<u64><u32>latOffset) | (spread(<u64><u32>lonOffset) << 1);
  return true;
}

/** The cell of the last geohashDecode. */
export let areaLonMin: f64 = 0;
export let areaLonMax: f64 = 0;
export let areaLatMin: f64 = 0;
export let areaLatMax: f64 = 0;

/** Redis's geohashDecode over the WGS84 ranges: the cell a hash of `step` steps names. */
export function geohashDecode(bits: u64, step: i32): void {
  const latScale = GEO_LAT_MAX - GEO_LAT_MIN;
  const lonScale = GEO_LONG_MAX - GEO_LONG_MIN;
  const ilat = <u32>squeeze(bits);
  const ilon = <u32>squeeze(bits >> 1);
  const cells = <f64>(<u64>1 << step);
  // ilat + 1 wraps in 32 bits, as Redis's uint32_t does for a garbage score.
  areaLatMin = GEO_LAT_MIN + (<f64>ilat * 1.0 / cells) * latScale;
  areaLatMax = GEO_LAT_MIN + (<f64>(ilat + 1) * 1.0 / cells) * latScale;
  areaLonMin = GEO_LONG_MIN + (<f64>ilon * 1.0 / cells) * lonScale;
  areaLonMax = GEO_LONG_MIN + (<f64>(ilon + 1) * 1.0 / cells) * lonScale;
}

/** The position of the last decodeScore. */
export let decodedLon: f64 = 0;
export let decodedLat: f64 = 0;

/**
 * A member's position from its score (Redis's decodeGeohash): the centre of its 26-step cell, clamped
 * to the limits. Any score decodes, even one ZADD put there, through C's (uint64_t) cast.
 */
export function decodeScore(score: f64): void {
  geohashDecode(scoreBits(score), GEO_STEP_MAX);
  decodedLon = min(max((areaLonMin + areaLonMax) / 2, GEO_LONG_MIN), GEO_LONG_MAX);
  decodedLat = min(max((areaLatMin + areaLatMax) / 2, GEO_LAT_MIN), GEO_LAT_MAX);
}

const TWO_63: f64 = 9223372036854775808.0;
const INDEFINITE: u64 = 0x8000000000000000;

/**
 * (uint64_t)score as x86-64 code computes it, defined for every double (wasm's conversion would trap):
 * negatives wrap, and what cvttsd2si cannot represent is its "integer indefinite" 2^63.
 */
function scoreBits(score: f64): u64 {
  if (score >= TWO_63) {
    const rest = score - TWO_63;
    return rest < TWO_63 ? <u64><i64>rest ^ INDEFINITE : 0;
  }
  return score >= -TWO_63 ? <u64><i64>score : INDEFINITE;
}

/** The 52-bit score of a hash of `step` steps (geohashAlign52Bits). */
export function align52(bits: u64, step: i32): u64 { return bits << <u64>(52 - step * 2); }

const EVEN: u64 = 0x5555555555555555;
const ODD: u64 = 0xAAAAAAAAAAAAAAAA;

/** The neighbouring cell `d` (-1 or 1) cells east (odd bits) or north (even bits), wrapping around. */
export function geohashMove(bits: u64, step: i32, d: i32, east: bool): u64 {
  const moving = east ? ODD : EVEN;
  const shift = <u64>(64 - step * 2);
  let v = bits & moving;
  const zz = (moving ^ ODD ^ EVEN) >> shift; // the other parity: the gaps the carry has to cross
  if (d > 0) v = v + (zz + 1);
  else v = (v | zz) - (zz + 1);
  return (v & (moving >> shift)) | (bits & ~moving);
}
