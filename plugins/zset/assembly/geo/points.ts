// The candidates a search finds (Redis's geoArray): scanned cell by cell, each cell a score range of
// the sorted set, and kept when inside the shape. Records point at members inside the source set,
// which stays untouched until the results are replied or copied into the destination.
import { zsAtRank, zsCard, zsMember, zsMemberLen, zsNext, zsScore } from "../zset";
import { CELLS, cellExcluded, cellHash, cellStep } from "./areas";
import { boxDistance, geoDistance, inRectangle } from "./distance";
import { align52, decodeScore, decodedLat, decodedLon } from "./geohash";
import { boxHeight, boxWidth, centerLat, centerLon, conversion, isBox, radius } from "./shape";

//  0 f64 longitude   8 f64 latitude   16 f64 distance (meters)   24 f64 score   32 u32 member   36 u32 length
export const POINT_SIZE: usize = 40;

export let points: usize = 0;
export let pointCount: i32 = 0;
let capacity: i32 = 0;

export function pointLon(p: usize): f64 { return load<f64>(p); }
export function pointLat(p: usize): f64 { return load<f64>(p, 8); }
export function pointDist(p: usize): f64 { return load<f64>(p, 16); }
export function pointScore(p: usize): f64 { return load<f64>(p, 24); }
export function pointMember(p: usize): usize { return <usize>load<u32>(p, 32); }
export function pointLen(p: usize): i32 { return <i32>load<u32>(p, 36); }
export function pointAt(i: i32): usize { return points + <usize>i * POINT_SIZE; }

export function freePoints(): void {
  if (points != 0) heap.free(points);
  points = 0;
  pointCount = capacity = 0;
}

function append(dist: f64, score: f64, m: usize, len: i32): void {
  if (pointCount == capacity) {
    capacity = capacity == 0 ? 8 : capacity * 2;
    points = points == 0 ? heap.alloc(<usize>capacity * POINT_SIZE) : heap.realloc(points, <usize>capacity * POINT_SIZE);
  }
  const p = pointAt(pointCount++);
  store<f64>(p, decodedLon);
  store<f64>(p, decodedLat, 8);
  store<f64>(p, dist, 16);
  store<f64>(p, score, 24);
  store<u32>(p, <u32>m, 32);
  store<u32>(p, <u32>len, 36);
}

/** geoAppendIfWithinShape. */
function appendIfInside(score: f64, m: usize, len: i32): void {
  decodeScore(score);
  let dist: f64;
  if (isBox) {
    if (!inRectangle(boxWidth * conversion, boxHeight * conversion, centerLon, centerLat, decodedLon, decodedLat)) return;
    dist = boxDistance;
  } else {
    dist = geoDistance(centerLon, centerLat, decodedLon, decodedLat);
    if (dist > radius * conversion) return;
  }
  append(dist, score, m, len);
}

/** Rank of the first element scoring at least `min`. */
function firstRankFrom(z: usize, min: f64): i32 {
  let lo = 0, hi = zsCard(z);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (zsScore(z, zsAtRank(z, mid)) < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function full(limit: i64): bool { return limit > 0 && <i64>pointCount >= limit; }

/** The members of one cell: scores from its hash aligned to 52 bits, up to (excluded) the next hash's. */
function scanCell(z: usize, bits: u64, limit: i64): void {
  const min = <f64>align52(bits, cellStep);
  const max = <f64>align52(bits + 1, cellStep);
  const first = firstRankFrom(z, min);
  if (first == zsCard(z)) return;
  for (let c = zsAtRank(z, first); c != 0; c = zsNext(z, c)) {
    const score = zsScore(z, c);
    if (score >= max) break;
    appendIfInside(score, zsMember(z, c), zsMemberLen(z, c));
    if (full(limit)) break;
  }
}

/**
 * membersOfAllNeighbors: every cell not excluded, skipping one equal to the last scanned (at the
 * coarsest steps neighbours wrap onto each other), stopping at `limit` points (ANY) when positive.
 */
export function collectPoints(z: usize, limit: i64): void {
  freePoints();
  let last = 0; // Redis compares with the last cell only once a neighbour (not the centre) was scanned
  for (let i = 0; i < CELLS; i++) {
    if (cellExcluded(i)) continue;
    if (last > 0 && cellHash(i) == cellHash(last)) continue;
    if (full(limit)) break;
    scanCell(z, cellHash(i), limit);
    last = i;
  }
}
