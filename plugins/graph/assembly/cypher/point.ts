// Points, as FalkorDB has them (src/arithmetic/point_funcs, src/datatypes/point.c): a latitude and a
// longitude kept as 32-bit floats, made by point({latitude, longitude}) with its checks and texts,
// measured by distance() — the haversine formula in floats on a 6,378,140 m sphere. The verbose form
// prints "point({latitude: %f, longitude: %f})"; the compact one [lat, lon] as doubles (value.ts).
import { fail } from "./failure";
import { fixed6 } from "./format-fixed";
import { mismatch } from "./functions";
import { DOUBLE, INT, MAP, NULL, NULL_VALUE, POINT, V, asF64, vDouble, vPoint } from "./value";

const EARTH_RADIUS: f32 = 6378140.0;

/** The latitude a point holds (the float, widened). */
@inline export function pointLat(p: V): f64 { return p.f; }
/** The longitude a point holds (the float, widened). */
@inline export function pointLon(p: V): f64 { return reinterpret<f64>(p.i); }

function entry(m: V, key: string): V | null {
  const i = m.keys!.indexOf(key);
  return i < 0 ? null : m.items![i];
}

/** point({latitude: …, longitude: …}) */
export function makePoint(m: V): V {
  if (m.kind == NULL) return NULL_VALUE;
  if (m.kind != MAP) {
    mismatch("Map or Null", m);
    return NULL_VALUE;
  }
  if (m.keys!.length != 2) {
    fail("A point map should have 2 elements, latitude and longitude");
    return NULL_VALUE;
  }
  const lat = entry(m, "latitude"), lon = entry(m, "longitude");
  if (lat === null) {
    fail("Did not find 'latitude' value in point map");
    return NULL_VALUE;
  }
  if (lon === null) {
    fail("Did not find 'longitude' value in point map");
    return NULL_VALUE;
  }
  const numeric = (lat.kind == INT || lat.kind == DOUBLE) && (lon.kind == INT || lon.kind == DOUBLE);
  if (!numeric) {
    fail("'latitude' and 'longitude' values in point map were not both valid numerics");
    return NULL_VALUE;
  }
  const la = asF64(lat), lo = asF64(lon);
  if (la > 90 || la < -90) {
    fail("latitude should be within the -90 to 90 range");
    return NULL_VALUE;
  }
  if (lo > 180 || lo < -180) {
    fail("longitude should be within the -180 to 180 range");
    return NULL_VALUE;
  }
  return vPoint(<f32>la, <f32>lo);
}

function radians(d: f64): f32 { return <f32>(d * Math.PI / 180.0); }

/** distance(p1, p2) in metres, computed in floats as FalkorDB does. */
export function distance(p1: V, p2: V): V {
  if (p1.kind == NULL || p2.kind == NULL) return NULL_VALUE;
  if (p1.kind != POINT || p2.kind != POINT) {
    mismatch("Point or Null", p1.kind != POINT ? p1 : p2);
    return NULL_VALUE;
  }
  const lat0 = radians(pointLat(p1)), lat1 = radians(pointLat(p2));
  const lon0 = radians(pointLon(p1)), lon1 = radians(pointLon(p2));
  const dlat: f32 = lat1 - lat0, dlon: f32 = lon1 - lon0;
  const s1 = Math.sin(<f64>(dlat / 2)), s2 = Math.sin(<f64>(dlon / 2));
  const a = <f32>(s1 * s1 + Math.cos(<f64>lat0) * Math.cos(<f64>lat1) * (s2 * s2));
  const c = <f32>(2 * Math.atan2(Math.sqrt(<f64>a), Math.sqrt(<f64>(1 - a))));
  return vDouble(<f64>(EARTH_RADIUS * c));
}

/** A point's latitude or longitude, null for another key (Point_GetCoordinate). */
export function pointCoordinate(p: V, key: string): V {
  if (key == "latitude") return vDouble(pointLat(p));
  if (key == "longitude") return vDouble(pointLon(p));
  return NULL_VALUE;
}

/** The verbose form's text: SIValue_ToString's. */
export function pointText(p: V): string {
  return "point({latitude: " + fixed6(pointLat(p)) + ", longitude: " + fixed6(pointLon(p)) + "})";
}
