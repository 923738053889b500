// errorstats' bookkeeping, which an integration test cannot drive past Redis's 128-code limit: the code
// is the first word when it ends within 32 bytes, and the 129th distinct code stops tracking by code.
import { expect, it } from "vitest";
import { ErrorStats } from "../../../runtime/src/observability/error-stats.js";

it("counts by the first word, falling back to ERR", () => {
  const s = new ErrorStats();
  s.record("ERR syntax error");
  s.record("WRONGTYPE Operation against a key holding the wrong kind of value");
  s.record("ERR value is not an integer");
  s.record("NOSPACEINTHISVERYLONGERRORMESSAGEWORD at all");
  s.record("OK");
  expect(s.lines()).toEqual(["errorstat_ERR:count=4", "errorstat_WRONGTYPE:count=1"]);
});

it("stops tracking by code after 128 distinct codes, until reset", () => {
  const s = new ErrorStats();
  for (let i = 0; i < 128; i++) s.record(`E${i} x`);
  expect(s.lines()).toHaveLength(128);
  s.record("E0 again");
  expect(s.lines()).toContain("errorstat_E0:count=2");
  s.record("NEW one too many");
  expect(s.lines()).toEqual(["errorstat_ERRORSTATS_DISABLED:count=1"]);
  s.record("ERR more");
  expect(s.lines()).toEqual(["errorstat_ERRORSTATS_DISABLED:count=1"]);
  s.reset();
  s.record("ERR back");
  expect(s.lines()).toEqual(["errorstat_ERR:count=1"]);
});
