// Temporal values as FalkorDB has them (src/datatypes/{date,time,datetime,duration}.c,
// src/arithmetic/time_funcs): each is a count of seconds since 1970-01-01 UTC — a date at its midnight,
// a localtime on 1900-01-01, a localdatetime as it is, a duration as the instant epoch + duration — so
// they compare, store and travel (the compact form replies the integer) as one number. The verbose form
// prints "%Y-%m-%d", "%H:%M:%S", "%Y-%m-%dT%H:%M:%S" and "P…Y…M…DT…H…M…S". Calendar arithmetic is the
// SDK's civil-date module.
import {
  SECONDS_PER_DAY, civilDay, civilFromDays, civilMonth, civilYear, daysFromCivil, floorDiv, formatGeneral, nowMs, weekdayOfDays,
} from "ferrite-sdk";
import { fail } from "./failure";
import { mismatch } from "./functions";
import { DATE, DATETIME, DOUBLE, DURATION, INT, MAP, NULL, NULL_VALUE, STRING, TIME, V, asF64, vInt, vTemporal } from "./value";

/** Where a localtime sits: FalkorDB builds it on 1900-01-01. */
const TIME_BASE: i64 = -2208988800;

function seconds(days: i64, hour: i64, minute: i64, second: i64): i64 {
  return days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}

/** Up to `width` digits of `s` from `at` (all of them: -1 otherwise). */
function digits(s: string, at: i32, width: i32): i64 {
  if (at + width > s.length) return -1;
  let v: i64 = 0;
  for (let i = 0; i < width; i++) {
    const c = s.charCodeAt(at + i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + <i64>(c - 48);
  }
  return v;
}

/** A date string's day number (YYYY-MM-DD, YYYY-MM, YYYYMMDD, YYYYMM, YYYY, YYYYDDD, YYYY-Www[-D]), or i64.MIN_VALUE. */
function parseDate(s: string): i64 {
  const y = digits(s, 0, 4);
  if (y < 0) return i64.MIN_VALUE;
  const n = s.length;
  if (n == 4) return daysFromCivil(y, 1, 1);
  if (s.charAt(4) == "-" && s.charAt(5) == "W") {
    const week = digits(s, 6, 2);
    const wd = n == 10 && s.charAt(8) == "-" ? digits(s, 9, 1) : n == 8 ? 1 : -1;
    if (week < 1 || week > 53 || wd < 1 || wd > 7) return i64.MIN_VALUE;
    const jan4 = daysFromCivil(y, 1, 4);
    const jan4wd = weekdayOfDays(jan4) == 0 ? 7 : weekdayOfDays(jan4);
    return jan4 + (week - 1) * 7 + (wd - <i64>jan4wd);
  }
  let m: i64 = -1, d: i64 = 1;
  if (n >= 7 && s.charAt(4) == "-") {
    m = digits(s, 5, 2);
    if (n >= 10 && s.charAt(7) == "-") d = digits(s, 8, 2);
    else if (n != 7) return i64.MIN_VALUE;
  } else if (n == 8) {
    m = digits(s, 4, 2);
    d = digits(s, 6, 2);
  } else if (n == 6) m = digits(s, 4, 2);
  else if (n == 7) {
    const yday = digits(s, 4, 3);
    if (yday < 1 || yday > 366) return i64.MIN_VALUE;
    return daysFromCivil(y, 1, 1) + yday - 1;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return i64.MIN_VALUE;
  return daysFromCivil(y, <i32>m, <i32>d);
}

/** A time string's seconds into the day (HH:MM[:SS][.fff], HH[MM[SS]]), or -1. */
function parseTime(s: string): i64 {
  let h: i64 = -1, m: i64 = 0, sec: i64 = 0;
  const dot = s.indexOf(".");
  const whole = dot < 0 ? s : s.substring(0, dot);
  if (whole.indexOf(":") >= 0) {
    const parts = whole.split(":");
    if (parts.length > 3) return -1;
    h = digits(parts[0], 0, parts[0].length);
    m = parts.length > 1 ? digits(parts[1], 0, parts[1].length) : -1;
    if (parts.length > 2) sec = digits(parts[2], 0, parts[2].length);
  } else {
    const n = whole.length;
    const v = digits(whole, 0, n);
    if (v < 0 || n < 1 || n > 6) return -1;
    if (n <= 2) h = v;
    else if (n <= 4) { h = v / 100; m = v % 100; }
    else { h = v / 10000; m = (v / 100) % 100; sec = v % 100; }
  }
  if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) return -1;
  return h * 3600 + m * 60 + sec;
}

/** The integer component `key` of map `m` (any case) within [lo, hi]; i64.MIN_VALUE when absent; fails on a bad one. */
function component(m: V, key: string, lo: i64, hi: i64): i64 {
  const keys = m.keys!;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i].toLowerCase() != key.toLowerCase()) continue;
    const v = m.items![i];
    if (v.kind != INT) {
      fail(key + " must be an integer value");
      return -1;
    }
    if (v.i < lo || v.i > hi) fail("Invalid value for " + key + " (valid values " + lo.toString() + " - " + hi.toString() + ")");
    return v.i;
  }
  return i64.MIN_VALUE;
}

function present(v: i64): bool { return v != i64.MIN_VALUE; }

/** date(), date(string), date({year, month, day}) */
export function makeDate(args: Array<V>): V {
  if (args.length == 0) return vTemporal(DATE, floorDiv(nowMs() / 1000, SECONDS_PER_DAY) * SECONDS_PER_DAY);
  const a = args[0];
  if (a.kind == NULL) return NULL_VALUE;
  if (a.kind == STRING) {
    const days = parseDate(a.s);
    if (days == i64.MIN_VALUE) {
      fail("Failed to parse date");
      return NULL_VALUE;
    }
    return vTemporal(DATE, days * SECONDS_PER_DAY);
  }
  if (a.kind != MAP) {
    mismatch("String, Map, or Null", a);
    return NULL_VALUE;
  }
  const days = dateOfMap(a, a.keys!.length);
  return days == i64.MIN_VALUE ? NULL_VALUE : vTemporal(DATE, days * SECONDS_PER_DAY);
}

/** The day of a components map's year/month/day; beyond them, `keys` counts the keys left (an error). */
function dateOfMap(a: V, keys: i32): i64 {
  const y = component(a, "year", -999999999, 999999999);
  if (!present(y)) {
    fail("year must be specified");
    return i64.MIN_VALUE;
  }
  const m = component(a, "month", 1, 12), d = component(a, "day", 1, 31);
  if (present(d) && !present(m)) {
    fail("day cannot be specified without month");
    return i64.MIN_VALUE;
  }
  if (keys - 1 - (present(m) ? 1 : 0) - (present(d) ? 1 : 0) > 0) {
    fail("datetime components map contains an unknown key");
    return i64.MIN_VALUE;
  }
  return daysFromCivil(y, present(m) ? <i32>m : 1, present(d) ? <i32>d : 1);
}

/** The seconds into the day of a components map's hour/minute/second, or -1; counts the keys used. */
function timeOfMap(a: V, required: bool, used: Array<i32>): i64 {
  const h = component(a, "hour", 0, 23), m = component(a, "minute", 0, 59), s = component(a, "second", 0, 59);
  if (required && !present(h)) {
    fail("hour must be specified");
    return -1;
  }
  if (present(s) && !present(m)) {
    fail("second cannot be specified without minute");
    return -1;
  }
  used[0] += (present(h) ? 1 : 0) + (present(m) ? 1 : 0) + (present(s) ? 1 : 0);
  return (present(h) ? h : 0) * 3600 + (present(m) ? m : 0) * 60 + (present(s) ? s : 0);
}

/** localtime(), localtime(string), localtime({hour, minute, second}) */
export function makeTime(args: Array<V>): V {
  if (args.length == 0) return vTemporal(TIME, TIME_BASE + (nowMs() / 1000) % SECONDS_PER_DAY);
  const a = args[0];
  if (a.kind == NULL) return NULL_VALUE;
  let secs: i64 = -1;
  if (a.kind == STRING) {
    secs = parseTime(a.s);
    if (secs < 0) fail("Failed to parse datetime");
  } else if (a.kind == MAP) {
    const used = [0];
    secs = timeOfMap(a, true, used);
    if (secs >= 0 && used[0] != a.keys!.length) {
      fail("datetime components map contains an unknown key");
      secs = -1;
    }
  } else mismatch("String, Map, or Null", a);
  return secs < 0 ? NULL_VALUE : vTemporal(TIME, TIME_BASE + secs);
}

/** localdatetime(), localdatetime(string: date, "T", time), localdatetime({year, …, second}) */
export function makeDateTime(args: Array<V>): V {
  if (args.length == 0) return vTemporal(DATETIME, nowMs() / 1000);
  const a = args[0];
  if (a.kind == NULL) return NULL_VALUE;
  if (a.kind == STRING) {
    const t = a.s.indexOf("T");
    const days = parseDate(t < 0 ? a.s : a.s.substring(0, t));
    const secs = t < 0 ? 0 : parseTime(a.s.substring(t + 1));
    if (days == i64.MIN_VALUE || secs < 0) {
      fail("Failed to parse datetime");
      return NULL_VALUE;
    }
    return vTemporal(DATETIME, days * SECONDS_PER_DAY + secs);
  }
  if (a.kind != MAP) {
    mismatch("String, Map, or Null", a);
    return NULL_VALUE;
  }
  const used = [0];
  const secs = timeOfMap(a, false, used);
  if (secs < 0) return NULL_VALUE;
  const days = dateOfMap(a, a.keys!.length - used[0]);
  return days == i64.MIN_VALUE ? NULL_VALUE : vTemporal(DATETIME, days * SECONDS_PER_DAY + secs);
}

const DURATION_KEYS: Array<string> = ["years", "months", "weeks", "days", "hours", "minutes", "seconds"];

/** duration({years, months, weeks, days, hours, minutes, seconds}): the instant epoch + duration. */
export function makeDuration(a: V): V {
  if (a.kind == NULL) return NULL_VALUE;
  if (a.kind != MAP) {
    mismatch("Map or Null", a);
    return NULL_VALUE;
  }
  const f = new Array<f32>(7);
  const keys = a.keys!;
  for (let i = 0; i < keys.length; i++) {
    const k = DURATION_KEYS.indexOf(keys[i].toLowerCase());
    if (k < 0) {
      fail("datetime components map contains an unknown key");
      return NULL_VALUE;
    }
    const v = a.items![i];
    if (v.kind != INT && v.kind != DOUBLE) {
      fail(DURATION_KEYS[k] + " must be a numerical value");
      return NULL_VALUE;
    }
    f[k] = <f32>asF64(v);
  }
  // whole years and months move the calendar; their fractions count average days (duration.c)
  const years = <i64>Math.trunc(f[0]), months = <i64>Math.trunc(f[1]);
  const monthIndex = 1970 * 12 + years * 12 + months;
  const base = daysFromCivil(floorDiv(monthIndex, 12), <i32>(monthIndex - floorDiv(monthIndex, 12) * 12) + 1, 1) * SECONDS_PER_DAY;
  const extraDays = (<f64>f[0] - <f64>years) * 365.25 + (<f64>f[1] - <f64>months) * 30.44;
  let total = (<f64>f[2] * 7 + <f64>f[3] + extraDays) * <f64>SECONDS_PER_DAY;
  total += <f64>f[4] * 3600 + <f64>f[5] * 60 + <f64>f[6];
  return vTemporal(DURATION, base + <i64>total);
}

/** The (year, month, day, hour, minute, second) of a count of seconds, into `out`. */
function broken(t: i64, out: Array<i64>): void {
  const days = floorDiv(t, SECONDS_PER_DAY);
  const secs = t - days * SECONDS_PER_DAY;
  civilFromDays(days);
  out[0] = civilYear;
  out[1] = civilMonth;
  out[2] = civilDay;
  out[3] = secs / 3600;
  out[4] = (secs % 3600) / 60;
  out[5] = secs % 60;
}

/** A duration's (years, months, days, hours, minutes, seconds) from its instant (duration.c's inverse). */
function durationParts(t: i64, out: Array<i64>): void {
  broken(t, out);
  const years = out[0] - 1970, months = out[1] - 1;
  const anchor = daysFromCivil(1970 + years, <i32>months + 1, 1) * SECONDS_PER_DAY;
  let delta = t - anchor;
  out[0] = years;
  out[1] = months;
  out[2] = delta / SECONDS_PER_DAY;
  delta -= out[2] * SECONDS_PER_DAY;
  out[3] = delta / 3600;
  delta -= out[3] * 3600;
  out[4] = delta / 60;
  out[5] = delta - out[4] * 60;
}

function pad(v: i64, width: i32): string {
  let s = v.toString();
  while (s.length < width) s = "0" + s;
  return s;
}

function dateText(p: Array<i64>): string { return pad(p[0], 4) + "-" + pad(p[1], 2) + "-" + pad(p[2], 2); }
function timeText(p: Array<i64>): string { return pad(p[3], 2) + ":" + pad(p[4], 2) + ":" + pad(p[5], 2); }

/** The verbose form's text of a temporal value. */
export function temporalText(v: V): string {
  const p = new Array<i64>(6);
  if (v.kind == DURATION) {
    durationParts(v.i, p);
    let s = "P";
    if (p[0] != 0) s += formatGeneral(<f64>p[0], 9) + "Y";
    if (p[1] != 0) s += formatGeneral(<f64>p[1], 9) + "M";
    if (p[2] != 0) s += formatGeneral(<f64>p[2], 9) + "D";
    if (p[3] != 0 || p[4] != 0 || p[5] != 0) {
      s += "T";
      if (p[3] != 0) s += formatGeneral(<f64>p[3], 9) + "H";
      if (p[4] != 0) s += formatGeneral(<f64>p[4], 9) + "M";
      if (p[5] != 0) s += formatGeneral(<f64>p[5], 9) + "S";
    }
    return s;
  }
  broken(v.i, p);
  if (v.kind == DATE) return dateText(p);
  if (v.kind == TIME) return timeText(p);
  return dateText(p) + "T" + timeText(p);
}

const DATE_PARTS: Array<string> = ["year", "month", "day"];
const TIME_PARTS: Array<string> = ["hour", "minute", "second"];
const DURATION_PARTS: Array<string> = ["years", "months", "days", "hours", "minutes", "seconds"];

/** A temporal value's component (d.year, t.hour, dur.days, …), null for another name. */
export function temporalComponent(v: V, name: string): V {
  const key = name.toLowerCase();
  const p = new Array<i64>(6);
  if (v.kind == DURATION) {
    durationParts(v.i, p);
    const k = DURATION_PARTS.indexOf(key);
    return k < 0 ? (key == "weeks" ? vInt(0) : NULL_VALUE) : vInt(p[k]);
  }
  broken(v.i, p);
  const d = v.kind == TIME ? -1 : DATE_PARTS.indexOf(key);
  if (d >= 0) return vInt(p[d]);
  const t = v.kind == DATE ? -1 : TIME_PARTS.indexOf(key);
  if (t >= 0) return vInt(p[3 + t]);
  if (v.kind != TIME) {
    const days = floorDiv(v.i, SECONDS_PER_DAY);
    if (key == "dayofweek") return vInt(weekdayOfDays(days));
    if (key == "weekday") return vInt(weekdayOfDays(days) == 0 ? 7 : weekdayOfDays(days));
    if (key == "ordinalday") return vInt(days - daysFromCivil(p[0], 1, 1) + 1);
    if (key == "quarter") return vInt((p[1] - 1) / 3 + 1);
  }
  return NULL_VALUE;
}
