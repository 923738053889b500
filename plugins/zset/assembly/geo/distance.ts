// Distances on Redis's sphere (geohash_helper.c): haversine with the WGS-84 quadratic mean radius, and
// the two shape tests GEOSEARCH filters candidates with.

const D_R: f64 = Math.PI / 180.0;
export const EARTH_RADIUS_IN_METERS: f64 = 6372797.560856;

// @ts-ignore: decorator
@inline export function degRad(ang: f64): f64 { return ang * D_R; }
// @ts-ignore: decorator
@inline export function radDeg(ang: f64): f64 { return ang / D_R; }

/** Great-circle distance in meters (geohashGetDistance). */
export function geoDistance(lon1d: f64, lat1d: f64, lon2d: f64, lat2d: f64): f64 {
  const lat1r = degRad(lat1d);
  const lon1r = degRad(lon1d);
  const lat2r = degRad(lat2d);
  const lon2r = degRad(lon2d);
  const u = Math.sin((lat2r - lat1r) / 2);
  const v = Math.sin((lon2r - lon1r) / 2);
  return 2.0 * EARTH_RADIUS_IN_METERS * Math.asin(Math.sqrt(u * u + Math.cos(lat1r) * Math.cos(lat2r) * v * v));
}

/**
 * Whether (x2, y2) lies in the width × height meters box centred on (x1, y1), measured along its
 * parallel and its meridian (geohashGetDistanceIfInRectangle); when it does, the distance is stored
 * in `boxDistance`.
 */
export let boxDistance: f64 = 0;
export function inRectangle(widthM: f64, heightM: f64, x1: f64, y1: f64, x2: f64, y2: f64): bool {
  const lonDistance = geoDistance(x2, y2, x1, y2);
  const latDistance = geoDistance(x2, y2, x2, y1);
  if (lonDistance > widthM / 2 || latDistance > heightM / 2) return false;
  boxDistance = geoDistance(x1, y1, x2, y2);
  return true;
}
