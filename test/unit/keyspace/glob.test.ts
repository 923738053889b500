// globMatch against answers recorded from redis-server 7.0.15 (KEYS <pattern> over a fixed key set, made
// by running each pattern below on a scratch server), plus the nocase flag KEYS cannot exercise.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { globMatch } from "../../../runtime/src/keyspace/glob.js";

interface RecordedCase {
  pattern: string;
  keys?: string[];
  matches: string[];
}
const recorded = JSON.parse(readFileSync(new URL("./glob-cases.redis-7.0.15.json", import.meta.url), "utf8")) as {
  keys: string[];
  cases: RecordedCase[];
};

const bytes = (hex: string): Buffer => Buffer.from(hex, "hex");
const show = (hex: string): string => JSON.stringify(bytes(hex).toString("latin1").slice(0, 40));

function match(pattern: string, str: string, nocase = false): boolean {
  const p = Buffer.from(pattern, "latin1");
  const s = Buffer.from(str, "latin1");
  return globMatch(p, 0, p.length, s, 0, s.length, nocase);
}

describe("globMatch agrees with Redis KEYS", () => {
  for (const c of recorded.cases) {
    it(`pattern ${show(c.pattern)}`, () => {
      const pattern = bytes(c.pattern);
      // KEYS (like SCAN) skips matching altogether for the pattern "*", which is how it returns the empty key.
      const matchAll = c.pattern === "2a";
      const matched = (c.keys ?? recorded.keys).filter((k) => {
        const key = bytes(k);
        return matchAll || globMatch(pattern, 0, pattern.length, key, 0, key.length);
      });
      expect(matched.sort().map(show)).toEqual(c.matches.map(show));
    });
  }
});

describe("globMatch", () => {
  it("honours offsets and lengths inside larger buffers", () => {
    const pattern = Buffer.from("xxh?llo*yy");
    const str = Buffer.from("--hello world--");
    expect(globMatch(pattern, 2, 5, str, 2, 5)).toBe(true);
    expect(globMatch(pattern, 2, 6, str, 2, 11)).toBe(true);
    // The `*` right after the pattern's window must not be read as part of it.
    expect(globMatch(pattern, 2, 5, str, 2, 11)).toBe(false);
  });

  it("does not match the empty string with a lone `*` (KEYS and SCAN special-case that pattern)", () => {
    expect(match("*", "")).toBe(false);
    expect(match("*", "a")).toBe(true);
  });

  it("nocase folds ASCII letters in literals, classes and ranges only", () => {
    expect(match("HeLLo", "hello", true)).toBe(true);
    expect(match("HeLLo", "hello")).toBe(false);
    expect(match("h[A-E]llo", "hello", true)).toBe(true);
    expect(match("h[a-e]llo", "HELLO", true)).toBe(true);
    expect(match("[^E]", "e", true)).toBe(false);
    expect(match("\\A*", "abc", true)).toBe(true);
    expect(match("\xC0", "\xE0", true)).toBe(false);
  });

  it("gives up on patterns nested deeper than Redis allows, quickly on pathological ones", () => {
    expect(match("*a".repeat(1000), "a".repeat(1200))).toBe(true);
    expect(match("*a".repeat(1002), "a".repeat(1200))).toBe(false);
    const start = performance.now();
    expect(match("a*".repeat(30) + "b", "a".repeat(5000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
