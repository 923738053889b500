// The nine cells a search scans (geohashCalculateAreasByShapeWGS84): the centre's cell at a step
// estimated from the radius, and its eight neighbours minus those the bounding box cannot reach.
import { EARTH_RADIUS_IN_METERS, degRad, radDeg } from "./distance";
import {
  GEO_LAT_MAX, GEO_LAT_MIN, areaLatMax, areaLatMin, areaLonMax, areaLonMin, encodedBits, geohashDecode,
  geohashEncode, geohashMove,
} from "./geohash";
import { boxHeight, boxWidth, centerLat, centerLon, conversion, isBox, radius } from "./shape";

const MERCATOR_MAX: f64 = 20037726.37;

/** Redis's order: centre, N, S, E, W, NE, NW, SE, SW. */
export const CELLS: i32 = 9;
const cellBits = memory.data(CELLS * 8);
/** Bit i set: cell i is excluded. */
let excluded: i32 = 0;
export let cellStep: i32 = 0;

export function cellHash(i: i32): u64 { return load<u64>(cellBits + (<usize>i << 3)); }
export function cellExcluded(i: i32): bool { return (excluded & (1 << i)) != 0; }

/** geohashEstimateStepsByRadius: coarser cells for bigger radii, and towards the poles. */
function estimateSteps(rangeMeters: f64, lat: f64): i32 {
  if (rangeMeters == 0) return 26;
  let step = 1;
  while (rangeMeters < MERCATOR_MAX) {
    rangeMeters *= 2;
    step++;
  }
  step -= 2;
  if (lat > 66 || lat < -66) {
    step--;
    if (lat > 80 || lat < -80) step--;
  }
  return min(max(step, 1), 26);
}

function setCell(i: i32, dx: i32, dy: i32): void {
  let bits = cellHash(0);
  if (dx != 0) bits = geohashMove(bits, cellStep, dx, true);
  if (dy != 0) bits = geohashMove(bits, cellStep, dy, false);
  store<u64>(cellBits + (<usize>i << 3), bits);
}

const N: i32 = 1, S: i32 = 2, E: i32 = 3, W: i32 = 4, NE: i32 = 5, NW: i32 = 6, SE: i32 = 7, SW: i32 = 8;

/** The centre's cell and its neighbours at cellStep. */
function encodeCells(): void {
  geohashEncode(centerLon, centerLat, GEO_LAT_MIN, GEO_LAT_MAX, cellStep);
  store<u64>(cellBits, encodedBits);
  setCell(N, 0, 1);
  setCell(S, 0, -1);
  setCell(E, 1, 0);
  setCell(W, -1, 0);
  setCell(NE, 1, 1);
  setCell(NW, -1, 1);
  setCell(SE, 1, -1);
  setCell(SW, -1, -1);
}

/** The search's bounding box (geohashBoundingBox); the box's sides are curved, so pick the wider edge. */
let minLon: f64 = 0, maxLon: f64 = 0, minLat: f64 = 0, maxLat: f64 = 0;

function boundingBox(): void {
  const height = conversion * (isBox ? boxHeight / 2 : radius);
  const width = conversion * (isBox ? boxWidth / 2 : radius);
  const latDelta = radDeg(height / EARTH_RADIUS_IN_METERS);
  const lonDeltaTop = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(centerLat + latDelta)));
  const lonDeltaBottom = radDeg(width / EARTH_RADIUS_IN_METERS / Math.cos(degRad(centerLat - latDelta)));
  const lonDelta = centerLat < 0 ? lonDeltaBottom : lonDeltaTop;
  minLon = centerLon - lonDelta;
  maxLon = centerLon + lonDelta;
  minLat = centerLat - latDelta;
  maxLat = centerLat + latDelta;
}

/** Fills the nine cells for the current shape. */
export function computeCells(): void {
  boundingBox();
  // A box is reached through the circle around its corners.
  let radiusMeters = isBox ? Math.sqrt((boxWidth / 2) * (boxWidth / 2) + (boxHeight / 2) * (boxHeight / 2)) : radius;
  radiusMeters *= conversion;
  cellStep = estimateSteps(radiusMeters, centerLat);
  encodeCells();
  // The estimate can leave a side neighbour too small to cover the box: one step coarser then.
  if (cellStep > 1 && sideTooSmall()) {
    cellStep--;
    encodeCells();
  }
  excluded = 0;
  if (cellStep < 2) return;
  geohashDecode(cellHash(0), cellStep);
  if (areaLatMin < minLat) excluded |= (1 << S) | (1 << SW) | (1 << SE);
  if (areaLatMax > maxLat) excluded |= (1 << N) | (1 << NE) | (1 << NW);
  if (areaLonMin < minLon) excluded |= (1 << W) | (1 << SW) | (1 << NW);
  if (areaLonMax > maxLon) excluded |= (1 << E) | (1 << SE) | (1 << NE);
}

function sideTooSmall(): bool {
  geohashDecode(cellHash(N), cellStep);
  if (areaLatMax < maxLat) return true;
  geohashDecode(cellHash(S), cellStep);
  if (areaLatMin > minLat) return true;
  geohashDecode(cellHash(E), cellStep);
  if (areaLonMax < maxLon) return true;
  geohashDecode(cellHash(W), cellStep);
  return areaLonMin > minLon;
}
