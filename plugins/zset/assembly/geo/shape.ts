// The search shape of GEOSEARCH and GEORADIUS* (Redis's GeoShape): a centre, and a radius or a box in
// a unit. Module state, filled while the arguments are parsed and valid for the command.

export let centerLon: f64 = 0;
export let centerLat: f64 = 0;
export let isBox = false;
export let radius: f64 = 0;
export let boxWidth: f64 = 0;
export let boxHeight: f64 = 0;
/** Meters per unit: distances are compared in meters and replied in the unit. */
export let conversion: f64 = 0;

export function setCenter(lon: f64, lat: f64): void {
  centerLon = lon;
  centerLat = lat;
}

export function setRadius(r: f64, toMeters: f64): void {
  isBox = false;
  radius = r;
  conversion = toMeters;
}

export function setBox(width: f64, height: f64, toMeters: f64): void {
  isBox = true;
  boxWidth = width;
  boxHeight = height;
  conversion = toMeters;
}
