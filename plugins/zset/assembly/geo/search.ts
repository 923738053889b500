// Redis's georadiusGeneric: GEOSEARCH, GEOSEARCHSTORE and the four GEORADIUS* commands parse here,
// scan the cells around the centre, sort, and reply or store the points found.
import {
  argIs, argLen, argPtr, keyFindArg, parsedI64, parseIntArg, replyArray, replyError, replyErrorWithArg,
  replyWrongType, ERR_SYNTAX, MISSING, WRONGTYPE,
} from "ferrite-sdk";
import { computeCells } from "./areas";
import {
  memberPosition, parseBox, parseLonLat, parseRadius, parsedHeight, parsedLat, parsedLon, parsedRadius, parsedUnit,
  parsedWidth,
} from "./args";
import { decodedLat, decodedLon } from "./geohash";
import { collectPoints, freePoints, pointCount } from "./points";
import { replyPoints, storePoints } from "./results";
import { GEORADIUSSTORE, GEOSEARCHSTORE } from "../events";
import { setBox, setCenter, setRadius } from "./shape";
import { buildOrder, freeOrder, sortPoints } from "./sort";
import { ZSET_TYPE } from "../zset-key";

export const FROM_COORDS: i32 = 1; // GEORADIUS: key longitude latitude radius unit
export const FROM_MEMBER: i32 = 2; // GEORADIUSBYMEMBER: key member radius unit
export const NO_STORE: i32 = 4; // the _RO variants
export const SEARCH: i32 = 8; // GEOSEARCH: FROMMEMBER/FROMLONLAT, BYRADIUS/BYBOX options
export const SEARCH_STORE: i32 = 16; // GEOSEARCHSTORE: destination first, STOREDIST without a key

const SORT_NONE: i32 = 0;
const SORT_ASC: i32 = 1;
const SORT_DESC: i32 = 2;

const ERR_NO_MEMBER = "ERR could not decode requested zset member";

let withDist = false, withHash = false, withCoord = false, any = false, storeDist = false;
let sort = SORT_NONE;
let count: i64 = 0;
/** Argument index of the destination key, 0 when replying. */
let storeKey = 0;
let fromMember = false, fromLonLat = false, byRadius = false, byBox = false;

/** The options from argument `i` on; replies the error and returns false on a bad one. */
function parseOptions(argc: i32, argv: usize, i: i32, flags: i32, h: f64): bool {
  const search = (flags & SEARCH) != 0;
  const storeOption = !search && (flags & NO_STORE) == 0;
  for (; i < argc; i++) {
    const more = argc - i - 1;
    if (argIs(argv, i, "withdist")) withDist = true;
    else if (argIs(argv, i, "withhash")) withHash = true;
    else if (argIs(argv, i, "withcoord")) withCoord = true;
    else if (argIs(argv, i, "any")) any = true;
    else if (argIs(argv, i, "asc")) sort = SORT_ASC;
    else if (argIs(argv, i, "desc")) sort = SORT_DESC;
    else if (argIs(argv, i, "count") && more >= 1) {
      if (!parseIntArg(argv, i + 1)) return false;
      count = parsedI64;
      if (count <= 0) { replyError("ERR COUNT must be > 0"); return false; }
      i++;
    } else if ((argIs(argv, i, "store") || argIs(argv, i, "storedist")) && more >= 1 && storeOption) {
      storeDist = argIs(argv, i, "storedist");
      storeKey = ++i;
    } else if (argIs(argv, i, "storedist") && (flags & SEARCH_STORE) != 0) {
      storeDist = true;
    } else if (argIs(argv, i, "frommember") && more >= 1 && search && !fromLonLat) {
      // Without a source key the parsing goes on, to know which empty reply to give.
      if (h != MISSING && !memberPosition(<usize>h, argv, i + 1)) { replyError(ERR_NO_MEMBER); return false; }
      setCenter(decodedLon, decodedLat);
      fromMember = true;
      i++;
    } else if (argIs(argv, i, "fromlonlat") && more >= 2 && search && !fromMember) {
      if (!parseLonLat(argv, i + 1)) return false;
      setCenter(parsedLon, parsedLat);
      fromLonLat = true;
      i += 2;
    } else if (argIs(argv, i, "byradius") && more >= 2 && search && !byBox) {
      if (!parseRadius(argv, i + 1)) return false;
      setRadius(parsedRadius, parsedUnit);
      byRadius = true;
      i += 2;
    } else if (argIs(argv, i, "bybox") && more >= 3 && search && !byRadius) {
      if (!parseBox(argv, i + 1)) return false;
      setBox(parsedWidth, parsedHeight, parsedUnit);
      byBox = true;
      i += 3;
    } else {
      replyError(ERR_SYNTAX);
      return false;
    }
  }
  return true;
}

/** The leading arguments of GEORADIUS and GEORADIUSBYMEMBER: centre, radius and unit. */
function parseRadiusCommand(argv: usize, flags: i32, h: f64): bool {
  if (flags & FROM_COORDS) {
    if (!parseLonLat(argv, 2)) return false;
    setCenter(parsedLon, parsedLat);
  } else {
    if (h == MISSING) return true;
    if (!memberPosition(<usize>h, argv, 2)) { replyError(ERR_NO_MEMBER); return false; }
    setCenter(decodedLon, decodedLat);
  }
  const radiusArg = flags & FROM_COORDS ? 4 : 3;
  if (!parseRadius(argv, radiusArg)) return false;
  setRadius(parsedRadius, parsedUnit);
  return true;
}

/** Argument checks made after parsing, in Redis's order. */
function checkCombination(argv: usize, flags: i32): bool {
  if (storeKey != 0 && (withDist || withHash || withCoord)) {
    replyError(flags & SEARCH_STORE
      ? "ERR GEOSEARCHSTORE is not compatible with WITHDIST, WITHHASH and WITHCOORD options"
      : "ERR STORE option in GEORADIUS is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
    return false;
  }
  if ((flags & SEARCH) && !(fromMember || fromLonLat)) {
    replyErrorWithArg("ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for ", argPtr(argv, 0), argLen(argv, 0));
    return false;
  }
  if ((flags & SEARCH) && !(byRadius || byBox)) {
    replyErrorWithArg("ERR exactly one of BYRADIUS and BYBOX can be specified for ", argPtr(argv, 0), argLen(argv, 0));
    return false;
  }
  if (any && count == 0) { replyError("ERR the ANY argument requires COUNT argument"); return false; }
  return true;
}

function reset(flags: i32): void {
  withDist = withHash = withCoord = any = storeDist = false;
  fromMember = fromLonLat = byRadius = byBox = false;
  sort = SORT_NONE;
  count = 0;
  storeKey = flags & SEARCH_STORE ? 1 : 0;
}

/** `src` is the source key's argument index; `flags` say which command this is. */
export function geoSearch(argc: i32, argv: usize, src: i32, flags: i32): void {
  const h = keyFindArg(argv, src, ZSET_TYPE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  reset(flags);
  let options = src + 1;
  if (!(flags & SEARCH)) {
    if (!parseRadiusCommand(argv, flags, h)) return;
    options = flags & FROM_COORDS ? 6 : 5;
  }
  if (!parseOptions(argc, argv, options, flags, h) || !checkCombination(argv, flags)) return;
  if (h == MISSING) {
    if (storeKey != 0) storePoints(argv, storeKey, 0, false, GEORADIUSSTORE);
    else replyArray(0);
    return;
  }
  // The nearest COUNT need sorting; ANY takes the first found.
  if (count != 0 && sort == SORT_NONE && !any) sort = SORT_ASC;
  computeCells();
  collectPoints(<usize>h, any ? count : 0);
  const returned = count == 0 || <i64>pointCount < count ? pointCount : <i32>count;
  buildOrder();
  if (sort != SORT_NONE) sortPoints(sort == SORT_DESC, returned);
  if (storeKey == 0) replyPoints(returned, withDist, withHash, withCoord);
  else storePoints(argv, storeKey, returned, storeDist, flags & SEARCH_STORE ? GEOSEARCHSTORE : GEORADIUSSTORE);
  freeOrder();
  freePoints();
}
