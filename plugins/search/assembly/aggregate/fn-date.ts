// The date functions over Unix timestamps in seconds, in UTC (RediSearch's functions/date.c): timefmt
// (strftime), parsetime (strptime), the roundings day/hour/minute/month and the fields dayofweek,
// dayofmonth, dayofyear, year, monthofyear. A value that is not a number gives null.
import {
  SECONDS_PER_DAY, civilDay, civilFromDays, civilMonth, civilYear, daysFromCivil, floorDiv, parsedF64, weekdayOfDays,
} from "ferrite-sdk";
import { NULL_VAL, V_NULL, Val, numVal, strVal, toNumber, toText } from "./value";

const DAY = SECONDS_PER_DAY;
const MONTHS: Array<string> = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS: Array<string> = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The broken-down UTC time of a timestamp (gmtime). */
class Tm {
  year: i64 = 1970;
  /** 0..11 */
  mon: i32 = 0;
  /** 1..31 */
  mday: i32 = 1;
  hour: i32 = 0;
  min: i32 = 0;
  sec: i32 = 0;
  /** 0 = Sunday */
  wday: i32 = 4;
  /** 0..365 */
  yday: i32 = 0;
}

function gmtime(t: i64): Tm {
  const tm = new Tm();
  const days = floorDiv(t, DAY);
  const secs = <i32>(t - days * DAY);
  tm.hour = secs / 3600;
  tm.min = (secs % 3600) / 60;
  tm.sec = secs % 60;
  tm.wday = weekdayOfDays(days);
  civilFromDays(days);
  tm.mday = civilDay;
  tm.year = civilYear;
  tm.mon = civilMonth - 1;
  tm.yday = <i32>(days - daysFromCivil(tm.year, 1, 1));
  return tm;
}

function pad(v: i64, width: i32, fill: string = "0"): string {
  let s = v.toString();
  while (s.length < width) s = fill + s;
  return s;
}

function strftime(t: i64, fmt: string): string {
  const tm = gmtime(t);
  let out = "";
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt.charAt(i);
    if (c != "%" || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const f = fmt.charAt(++i);
    if (f == "Y") out += tm.year.toString();
    else if (f == "m") out += pad(tm.mon + 1, 2);
    else if (f == "d") out += pad(tm.mday, 2);
    else if (f == "e") out += pad(tm.mday, 2, " ");
    else if (f == "H") out += pad(tm.hour, 2);
    else if (f == "I") out += pad(tm.hour % 12 == 0 ? 12 : tm.hour % 12, 2);
    else if (f == "M") out += pad(tm.min, 2);
    else if (f == "S") out += pad(tm.sec, 2);
    else if (f == "p") out += tm.hour < 12 ? "AM" : "PM";
    else if (f == "y") out += pad(tm.year % 100, 2);
    else if (f == "C") out += pad(tm.year / 100, 2);
    else if (f == "j") out += pad(tm.yday + 1, 3);
    else if (f == "F") out += tm.year.toString() + "-" + pad(tm.mon + 1, 2) + "-" + pad(tm.mday, 2);
    else if (f == "T") out += pad(tm.hour, 2) + ":" + pad(tm.min, 2) + ":" + pad(tm.sec, 2);
    else if (f == "R") out += pad(tm.hour, 2) + ":" + pad(tm.min, 2);
    else if (f == "D") out += pad(tm.mon + 1, 2) + "/" + pad(tm.mday, 2) + "/" + pad(tm.year % 100, 2);
    else if (f == "a") out += WEEKDAYS[tm.wday].substring(0, 3);
    else if (f == "A") out += WEEKDAYS[tm.wday];
    else if (f == "b" || f == "h") out += MONTHS[tm.mon].substring(0, 3);
    else if (f == "B") out += MONTHS[tm.mon];
    else if (f == "u") out += (tm.wday == 0 ? 7 : tm.wday).toString();
    else if (f == "w") out += tm.wday.toString();
    else if (f == "s") out += t.toString();
    else if (f == "Z") out += "GMT";
    else if (f == "z") out += "+0000";
    else if (f == "n") out += "\n";
    else if (f == "t") out += "\t";
    else if (f == "%") out += "%";
    else out += "%" + f;
  }
  return out;
}

let at: i32 = 0;

/** Up to `width` digits of `s` from `at`, or -1 when there is none. */
function digits(s: string, width: i32): i64 {
  let v: i64 = 0, n = 0;
  while (n < width && at < s.length && s.charCodeAt(at) >= 48 && s.charCodeAt(at) <= 57) {
    v = v * 10 + <i64>(s.charCodeAt(at) - 48);
    at++;
    n++;
  }
  return n == 0 ? -1 : v;
}

function monthName(s: string): i32 {
  for (let m = 0; m < 12; m++) {
    const full = MONTHS[m];
    if (s.length - at >= full.length && s.substring(at, at + full.length).toLowerCase() == full.toLowerCase()) {
      at += full.length;
      return m;
    }
    if (s.length - at >= 3 && s.substring(at, at + 3).toLowerCase() == full.substring(0, 3).toLowerCase()) {
      at += 3;
      return m;
    }
  }
  return -1;
}

/** strptime then timegm: the timestamp `s` spells in `fmt`, or null when it does not match. */
function strptime(s: string, fmt: string): Val {
  let year: i64 = 1900, mon = 0, mday = 1, hour = 0, minute = 0, sec = 0, yday = -1;
  at = 0;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt.charAt(i);
    if (c == " ") {
      while (at < s.length && s.charAt(at) == " ") at++;
      continue;
    }
    if (c != "%" || i + 1 >= fmt.length) {
      if (at >= s.length || s.charAt(at) != c) return NULL_VAL;
      at++;
      continue;
    }
    const f = fmt.charAt(++i);
    let v: i64 = 0;
    if (f == "Y") { v = digits(s, 4); year = v; }
    else if (f == "m") { v = digits(s, 2); mon = <i32>v - 1; }
    else if (f == "d" || f == "e") { v = digits(s, 2); mday = <i32>v; }
    else if (f == "H") { v = digits(s, 2); hour = <i32>v; }
    else if (f == "M") { v = digits(s, 2); minute = <i32>v; }
    else if (f == "S") { v = digits(s, 2); sec = <i32>v; }
    else if (f == "y") { v = digits(s, 2); year = v < 69 ? 2000 + v : 1900 + v; }
    else if (f == "j") { v = digits(s, 3); yday = <i32>v - 1; }
    else if (f == "b" || f == "B" || f == "h") { v = monthName(s); mon = <i32>v; }
    else if (f == "F" || f == "T") {
      const sub = strptime(s.substring(at), f == "F" ? "%Y-%m-%d" : "%H:%M:%S");
      if (sub.kind == V_NULL) return NULL_VAL;
      const t = gmtime(<i64>sub.n);
      if (f == "F") { year = t.year; mon = t.mon; mday = t.mday; at += 10; }
      else { hour = t.hour; minute = t.min; sec = t.sec; at += 8; }
    } else if (f == "%") {
      if (at >= s.length || s.charAt(at) != "%") return NULL_VAL;
      at++;
    } else return NULL_VAL;
    if (v < 0) return NULL_VAL;
  }
  if (mon < 0 || mon > 11 || mday < 1 || mday > 31 || hour > 23 || minute > 59 || sec > 60) return NULL_VAL;
  const days = yday >= 0 ? daysFromCivil(year, 1, 1) + yday : daysFromCivil(year, mon + 1, mday);
  return numVal(<f64>(days * DAY + <i64>hour * 3600 + <i64>minute * 60 + <i64>sec));
}

export function dateFunction(id: i32, args: Array<Val>): Val {
  if (id == 1) {
    if (args[0].kind == V_NULL || args[1].kind == V_NULL) return NULL_VAL;
    return strptime(toText(args[0]), toText(args[1]));
  }
  if (!toNumber(args[0])) return NULL_VAL;
  const t = <i64>Math.floor(parsedF64);
  switch (id) {
    case 0: return strVal(strftime(t, args.length > 1 ? toText(args[1]) : "%FT%TZ"));
    case 2: return numVal(<f64>(floorDiv(t, DAY) * DAY));
    case 3: return numVal(<f64>(floorDiv(t, 3600) * 3600));
    case 4: return numVal(<f64>(floorDiv(t, 60) * 60));
    case 5: {
      const tm = gmtime(t);
      return numVal(<f64>(daysFromCivil(tm.year, tm.mon + 1, 1) * DAY));
    }
    case 6: return numVal(<f64>gmtime(t).wday);
    case 7: return numVal(<f64>gmtime(t).mday);
    case 8: return numVal(<f64>gmtime(t).yday);
    case 9: return numVal(<f64>gmtime(t).year);
    default: return numVal(<f64>gmtime(t).mon);
  }
}

