// Temporal values (FalkorDB's subset): date(), localtime(), localdatetime(), duration() from strings,
// maps and the clock; components; comparison; stored as properties; the verbose text and the compact
// integer (seconds since 1970-01-01) with FalkorDB's type ids 13–16.
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { query, rows } from "./helpers.js";

const s = useServer([], { flush: true });

it("constructors from strings and maps print as FalkorDB prints them", async () => {
  expect(await rows(s.r, "g", "RETURN date('2024-02-29'), date('2024-03'), date('20240301'), date('2024'), date('2024061'), date('2024-W01-1')")).toEqual([
    ["2024-02-29", "2024-03-01", "2024-03-01", "2024-01-01", "2024-03-01", "2024-01-01"],
  ]);
  expect(await rows(s.r, "g", "RETURN date({year: 1969, month: 12, day: 31}), localtime('07:05'), localtime('070509'), localtime({hour: 23, minute: 59, second: 58})")).toEqual([
    ["1969-12-31", "07:05:00", "07:05:09", "23:59:58"],
  ]);
  expect(await rows(s.r, "g", "RETURN localdatetime('2015-07-21T21:40:32'), localdatetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31})")).toEqual([
    ["2015-07-21T21:40:32", "1984-10-11T12:31:00"],
  ]);
  expect(await rows(s.r, "g", "RETURN duration({years: 1, months: 1, days: 2, hours: 2, minutes: 30, seconds: 20}), duration({weeks: 2}), duration({hours: 25})")).toEqual([
    ["P1Y1M2DT2H30M20S", "P14D", "P1DT1H"],
  ]);
  expect(await rows(s.r, "g", "RETURN date(null), localtime(null), localdatetime(null), duration(null)")).toEqual([[null, null, null, null]]);
});

it("components, comparison, the clock, storage and errors", async () => {
  const d = "localdatetime('2023-11-14T22:13:20')";
  expect(await rows(s.r, "g", `WITH ${d} AS t RETURN t.year, t.month, t.day, t.hour, t.minute, t.second, t.dayOfWeek, t.ordinalDay, t.quarter`)).toEqual([
    [2023, 11, 14, 22, 13, 20, 2, 318, 4],
  ]);
  expect(await rows(s.r, "g", "WITH duration({days: 3, hours: 4}) AS x RETURN x.days, x.hours, x.years")).toEqual([[3, 4, 0]]);
  expect(await rows(s.r, "g", "RETURN date('2024-01-02') > date('2024-01-01'), date('2024-01-01') = date({year: 2024}), localtime('10:00') < localtime('09:00')")).toEqual([
    ["true", "true", "false"],
  ]);
  // the clock: today is between two dates any run of this test sees
  const [[year, ts]] = (await rows(s.r, "g", "RETURN date().year, localdatetime().year * 0 + timestamp()")) as number[][];
  expect(year).toBe(new Date(ts).getUTCFullYear());
  await query(s.r, "g", "CREATE (:E {on: date('2024-05-01'), at: localtime('08:30:00'), took: duration({minutes: 90})})");
  expect(await rows(s.r, "g", "MATCH (e:E) WHERE e.on = date('2024-05-01') RETURN e.on, e.at, e.took, e.took.minutes")).toEqual([
    ["2024-05-01", "08:30:00", "PT1H30M", 30],
  ]);
  expect(await s.r.restore("r", 0, (await s.r.dumpBuffer("g"))!)).toBe("OK");
  expect(await rows(s.r, "r", "MATCH (e:E) RETURN e.on, e.at")).toEqual([["2024-05-01", "08:30:00"]]);
  const err = (q: string) => errorOf(query(s.r, "g", q));
  expect(await err("RETURN date('2024-13-01')")).toBe("Failed to parse date");
  expect(await err("RETURN localtime('25:00')")).toBe("Failed to parse datetime");
  expect(await err("RETURN date({month: 1})")).toBe("year must be specified");
  expect(await err("RETURN date({year: 2024, day: 3})")).toBe("day cannot be specified without month");
  expect(await err("RETURN date({year: 2024, month: 13})")).toBe("Invalid value for month (valid values 1 - 12)");
  expect(await err("RETURN localtime({minute: 1})")).toBe("hour must be specified");
  expect(await err("RETURN duration({days: 1, eons: 2})")).toBe("datetime components map contains an unknown key");
});

it("the compact form replies FalkorDB's type ids and the seconds since 1970-01-01", async () => {
  const reply = (await s.r.call("GRAPH.QUERY", "g", "RETURN localdatetime('2023-11-14T22:13:20'), date('1970-01-02'), localtime('00:00:01'), duration({days: 1})", "--compact")) as unknown[];
  expect(reply[1]).toEqual([[[13, 1700000000], [14, 86400], [15, -2208988799], [16, 86400]]]);
});
