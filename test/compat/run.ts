// `make compat`: Redis's own test suite, unit by unit, each against a fresh Ferrite (or, with
// `--server redis`, Debian's redis-server: the reference count of what can pass in external mode).
//
//   node dist/test/compat/run.js [--server ferrite|redis] [--timeout SECONDS] [--json FILE] [unit ...]
//
// Prints passed/failed per unit and in total; `--json` also writes every test's name and outcome.
// Units run one at a time with one test client: the machine's cores are shared.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { runUnit, suiteUnits, type UnitResult } from "./redis-suite.js";

const { values, positionals } = parseArgs({
  options: { server: { type: "string", default: "ferrite" }, timeout: { type: "string", default: "600" }, json: { type: "string" } },
  allowPositionals: true,
});
const kind = values.server === "redis" ? "redis" : "ferrite";
const units = positionals.length ? positionals : await suiteUnits();

const results: UnitResult[] = [];
console.log(`Redis test suite against ${kind}, ${units.length} units`);
for (const unit of units) {
  const r = await runUnit(unit, kind, Number(values.timeout) * 1000);
  results.push(r);
  console.log(`${unit.padEnd(26)} passed ${String(r.passed.length).padStart(4)}  failed ${String(r.failed.length).padStart(4)}${r.skipped.length ? `  skipped ${r.skipped.length}` : ""}  ${String(r.seconds).padStart(4)} s${r.aborted ? `  ABORTED: ${r.aborted}` : ""}`);
  for (const f of r.failed) console.log(`    [err] ${f.name}: ${f.reason}`);
}
const passed = results.reduce((n, r) => n + r.passed.length, 0);
const failed = results.reduce((n, r) => n + r.failed.length, 0);
const skipped = results.reduce((n, r) => n + r.skipped.length, 0);
const aborted = results.filter((r) => r.aborted).length;
console.log(`total: ${passed} passed, ${failed} failed (${((100 * passed) / Math.max(1, passed + failed)).toFixed(1)} % of the tests that ran), ${skipped} skipped as 7.2 differences, ${aborted} of ${results.length} units aborted`);
if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
