// Proleptic Gregorian calendar arithmetic in UTC (Howard Hinnant's days_from_civil / civil_from_days):
// day numbers since 1970-01-01 to and from (year, month, day), weekdays. For the engines that speak of
// dates (RediSearch's date functions, FalkorDB's temporal values) without a C library's gmtime/timegm.

export const SECONDS_PER_DAY: i64 = 86400;

/** a / b rounded towards minus infinity (b > 0). */
export function floorDiv(a: i64, b: i64): i64 { return a >= 0 ? a / b : -((-a + b - 1) / b); }

/** Days since 1970-01-01 of a civil date; month 1..12, day 1..31 (out-of-range days carry over). */
export function daysFromCivil(y: i64, m: i32, d: i32): i64 {
  if (m <= 2) y -= 1;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const mp = <i64>((m + 9) % 12);
  const doy = (153 * mp + 2) / 5 + <i64>d - 1;
  const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/** civilFromDays's answer: the year. */
export let civilYear: i64 = 1970;
/** civilFromDays's answer: the month, 1..12. */
export let civilMonth: i32 = 1;
/** civilFromDays's answer: the day of the month, 1..31. */
export let civilDay: i32 = 1;

/** The civil date `days` after 1970-01-01, into civilYear, civilMonth and civilDay. */
export function civilFromDays(days: i64): void {
  const z = days + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const mp = (5 * doy + 2) / 153;
  civilDay = <i32>(doy - (153 * mp + 2) / 5 + 1);
  civilMonth = <i32>(mp < 10 ? mp + 3 : mp - 9);
  civilYear = yoe + era * 400 + (civilMonth <= 2 ? 1 : 0);
}

/** The weekday of day `days` after 1970-01-01 (a Thursday): 0 = Sunday … 6 = Saturday. */
export function weekdayOfDays(days: i64): i32 { return <i32>(((days % 7) + 11) % 7); }
