// The tests of Redis 7.0.15's suite that assert 7.0 behaviour which Redis 7.2 changed. Ferrite follows 7.2
// (issue 13), so these tests cannot pass, and some of them stop the rest of their unit from running: an
// encoding assertion outside any test ends the unit, and a test waiting for a 7.0-only invalidation hangs
// until the suite's timeout. The harness skips them (`runtest --skiptest`, `--ignore-encoding`) so that
// the rest of their unit runs, and counts them apart from passes and failures (docs/compat.md).
//
// Every entry names the 7.2 change that causes it, checked against Redis 7.2's sources (ADR 0046).

export interface Difference {
  /** The test's exact name, as the suite prints it. */
  test: string;
  /** What the 7.0 test expects, and what 7.2 does instead. */
  reason: string;
}

/** Tests skipped by name, per unit. */
export const SKIPPED_TESTS: Record<string, Difference[]> = {
  "unit/tracking": [{
    test: "Tracking only occurs for scripts when a command calls a read-only command",
    reason: "7.0 remembers the keys a script declares once it runs any read command; 7.2 remembers the keys of the " +
      "read commands the script runs (server.c call(): trackingRememberKeys(server.current_client, c), the executing " +
      "command's keys). The test waits for an invalidation of a declared key that 7.2 never tracked, so it hangs the unit",
  }],
};

/**
 * Units whose every `assert_encoding` checks a 7.0 encoding that 7.2 changed, and where one of them stands
 * outside any test, so a failure would end the unit: these run with `--ignore-encoding`.
 */
export const IGNORED_ENCODINGS: Record<string, string> = {
  "unit/sort": "its three encoding checks expect `quicklist` for 16-element lists (the data set before its first test, " +
    "and the STORE results of `SORT BY key STORE` and `SORT BY hash field STORE`); 7.2 keeps lists this small as " +
    "`listpack` (listpack-encoded lists, redis 2168ccc, 7.2's sort.tcl expects `listpack` for them)",
};

/** The extra `runtest` arguments for `unit`. */
export function differenceArgs(unit: string): string[] {
  const args = (SKIPPED_TESTS[unit] ?? []).flatMap((d) => ["--skiptest", d.test]);
  return unit in IGNORED_ENCODINGS ? [...args, "--ignore-encoding"] : args;
}
