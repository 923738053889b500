// Units of Redis's own test suite that Ferrite passes in full, run by `make compat`'s own program
// (the compiled test/compat/run.js, against a fresh Ferrite per unit) so that none of them can regress
// unnoticed. Each unit's count is what it passes today: a test that stops running fails this as surely
// as one that fails (a test skipped as a 7.2 difference, test/compat/differences-7.2.ts, counts as
// neither). `make test` fetches the suite first (test/compat/fetch-redis-src.sh); the whole
// suite's results are in docs/compat.md.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { ROOT } from "../helpers/target.js";
import type { UnitResult } from "./redis-suite.js";

const GREEN_UNITS: Record<string, number> = {
  "unit/type/incr": 23,
  "unit/type/string": 74,
  "unit/expire": 58,
  "unit/bitfield": 16,
  "unit/bitops": 45,
  "unit/quit": 3,
  "unit/info-command": 3,
  "unit/protocol": 19,
  "unit/pubsub": 29,
  "unit/type/stream": 63,
  "unit/tracking": 50,
  "unit/slowlog": 9,
  "unit/keyspace": 52,
  "unit/scan": 16,
  "unit/type/list": 133,
  "unit/sort": 52,
  "unit/multi": 35,
  "unit/lazyfree": 4,
};

const dir = mkdtempSync(join(tmpdir(), "compat-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("passes every test of the units Ferrite passes in full", () => {
  const out = join(dir, "results.json");
  execFileSync(process.execPath, [join(ROOT, "dist/test/compat/run.js"), "--timeout", "120", "--json", out, ...Object.keys(GREEN_UNITS)],
    { cwd: ROOT, stdio: "ignore", timeout: 600_000 });
  const results = JSON.parse(readFileSync(out, "utf8")) as UnitResult[];
  const summary = Object.fromEntries(results.map((r) => [r.unit, { passed: r.passed.length, failed: r.failed, aborted: r.aborted }]));
  expect(summary).toEqual(Object.fromEntries(Object.entries(GREEN_UNITS).map(([unit, passed]) => [unit, { passed, failed: [], aborted: "" }])));
}, 660_000);
