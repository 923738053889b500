// The SDK's parsers and formatters, and the build tool's output, through a plugin built for the test.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPlugin } from "../build/build-plugin.js";
import { loadFake, type FakePlugin } from "./fake-host.js";

let probe: FakePlugin;
beforeAll(async () => {
  probe = await loadFake((await buildPlugin(join(import.meta.dirname, "probe"))).wasm);
}, 60_000);

const NOT_INTEGER = { error: "ERR value is not an integer or out of range" };
const NOT_FLOAT = { error: "ERR value is not a valid float" };

describe("build output", () => {
  it("imports only ferrite.* and env.memory, with ids from sorted names", () => {
    expect(probe.imports.every((i) => i.startsWith("ferrite.") || i === "env.memory")).toBe(true);
    expect(probe.manifest.commands.map((c) => [c.name, c.id])).toEqual([
      ["probe.arity", 0], ["probe.civil", 1], ["probe.fail", 2], ["probe.float", 3], ["probe.g", 4], ["probe.int", 5],
      ["probe.keyword", 6], ["probe.numkeys", 7], ["probe.packed", 8], ["probe.resave", 9], ["probe.utf8", 10],
    ]);
  });

  it("routes AssemblyScript's abort to ferrite.abort", () => {
    expect(probe.imports).toContain("ferrite.abort");
    expect(() => probe.call("probe.fail")).toThrow("plugin aborted");
  });
});

describe("parseI64 / formatI64 (Redis string2ll)", () => {
  // formatI64 writes values up to 2^32-1 in 32-bit arithmetic: both sides of that edge, and each digit count.
  it.each(["0", "1", "-1", "42", "9223372036854775807", "-9223372036854775808", "1000000", "9", "10", "99999", "100000",
    "999999999", "1000000000", "4294967295", "-4294967295", "4294967296", "-4294967296", "10000000000", "-2147483648"])("accepts %s", (s) => {
    expect(probe.call("probe.int", s)).toEqual([s]);
  });
  it.each(["", "-", "+1", " 1", "1 ", "01", "-0", "00", "1.0", "1e3", "9223372036854775808", "-9223372036854775809", "99999999999999999999", "123456789012345678901", "abc"])(
    "refuses %j", (s) => { expect(probe.call("probe.int", s)).toEqual([NOT_INTEGER]); },
  );
});

describe("civilFromDays / daysFromCivil / weekdayOfDays (proleptic Gregorian, UTC)", () => {
  it.each([
    [0, 1970, 1, 1, 4], [-1, 1969, 12, 31, 3], [59, 1970, 3, 1, 0], [11016, 2000, 2, 29, 2], [11017, 2000, 3, 1, 3],
    [-25508, 1900, 3, 1, 4], [-719468, 0, 3, 1, 3], [2932896, 9999, 12, 31, 5], [19675, 2023, 11, 14, 2],
  ])("day %i is %i-%i-%i, weekday %i", (days, y, m, d, wday) => {
    expect(probe.call("probe.civil", String(days))).toEqual([{ array: 5 }, y, m, d, wday, days]);
  });
});

describe("utf8Valid (RFC 3629)", () => {
  const bytes = (...b: number[]) => Buffer.from(b).toString("latin1");
  it.each([
    ["empty", bytes()], ["ASCII", "abc"], ["2 bytes", bytes(0xc3, 0xa9)], ["3 bytes", bytes(0xe2, 0x82, 0xac)],
    ["4 bytes", bytes(0xf0, 0x9f, 0x98, 0x80)], ["U+10FFFF", bytes(0xf4, 0x8f, 0xbf, 0xbf)], ["U+D7FF", bytes(0xed, 0x9f, 0xbf)],
  ])("accepts %s", (_name, s) => { expect(probe.call("probe.utf8", s)).toEqual([1]); });
  it.each([
    ["a lone continuation", bytes(0x80)], ["a truncated sequence", bytes(0x61, 0xc3)], ["an overlong 2-byte form", bytes(0xc0, 0xaf)],
    ["an overlong 3-byte form", bytes(0xe0, 0x80, 0xaf)], ["a surrogate", bytes(0xed, 0xa0, 0x80)],
    ["past U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80)], ["a bad continuation", bytes(0xe2, 0x28, 0xa1)], ["0xff", bytes(0xff)],
  ])("refuses %s", (_name, s) => { expect(probe.call("probe.utf8", s)).toEqual([0]); });
});

describe("parseLongDouble / formatLongDoubleHuman (INCRBYFLOAT's rules)", () => {
  it.each([
    ["1.5", "1.5"], ["10", "10"], ["-0.25", "-0.25"], ["+3", "3"], [".5", "0.5"], ["5.", "5"], ["1e3", "1000"],
    ["5.0e3", "5000"], ["1E-5", "0.00001"], ["0.1", "0.1"], ["-0", "0"], ["0.30000000000000004", "0.30000000000000004"], ["0x10", "16"], ["1e-400", "0"],
    ["1e20", "100000000000000000000"], ["123456789.125", "123456789.125"], ["1e-18", "0"], ["1.5e-17", "0.00000000000000002"],
    ["3.14159265358979", "3.14159265358979"], ["00012", "12"],
  ])("reads %s as %s", (input, expected) => {
    expect(probe.call("probe.float", input)).toEqual([expected]);
  });
  it("accepts inf and infinity like strtold", () => {
    for (const s of ["inf", "-inf", "+INF", "Infinity"])
      expect(probe.call("probe.float", s)).toEqual([{ error: "ERR increment would produce NaN or Infinity" }]);
  });
  it.each(["", "nan", "NaN", "abc", " 1", "1 ", "1e", "1e+", ".", "-", "1.2.3", "0x", "1e4933", "1e-4951"])("refuses %j", (s) => {
    expect(probe.call("probe.float", s)).toEqual([NOT_FLOAT]);
  });
});

describe("formatPrintfG / formatGeneral (printf's %.<precision>g, one implementation)", () => {
  // [value, %.5g, %.12g, %.15g] as glibc prints them (Python's "%.*g" gives the same text): the
  // precisions FalkorDB (5, 15) and RediSearch (12) reply with, written by both forms.
  it.each([
    ["0.1", "0.1", "0.1", "0.1"],
    ["1", "1", "1", "1"],
    ["-2.5", "-2.5", "-2.5", "-2.5"],
    ["100", "100", "100", "100"],
    ["1e20", "1e+20", "1e+20", "1e+20"],
    ["1e-5", "1e-05", "1e-05", "1e-05"],
    ["0.0001", "0.0001", "0.0001", "0.0001"],
    ["123456789012345678", "1.2346e+17", "1.23456789012e+17", "1.23456789012346e+17"],
    ["9.99999999999999999", "10", "10", "10"],
    ["0.30000000000000004", "0.3", "0.3", "0.3"],
    ["3.141592653589793", "3.1416", "3.14159265359", "3.14159265358979"],
    ["-0", "-0", "-0", "-0"],
    ["1e300", "1e+300", "1e+300", "1e+300"],
    ["1.7976931348623157e308", "1.7977e+308", "1.79769313486e+308", "1.79769313486232e+308"],
    ["5e-324", "4.9407e-324", "4.94065645841e-324", "4.94065645841247e-324"],
    ["2.2250738585072014e-308", "2.2251e-308", "2.22507385851e-308", "2.2250738585072e-308"],
    ["123456.789", "1.2346e+05", "123456.789", "123456.789"],
    ["999999999999.5", "1e+12", "1e+12", "999999999999.5"],
    ["0.000123456789012345", "0.00012346", "0.000123456789012", "0.000123456789012345"],
    ["1e15", "1e+15", "1e+15", "1e+15"],
    ["12345678.9", "1.2346e+07", "12345678.9", "12345678.9"],
    ["6.02214076e23", "6.0221e+23", "6.02214076e+23", "6.02214076e+23"],
    ["1.5e-7", "1.5e-07", "1.5e-07", "1.5e-07"],
  ])("writes %s", (value, g5, g12, g15) => {
    for (const [precision, text] of [["5", g5], ["12", g12], ["15", g15]])
      expect(probe.call("probe.g", value, precision!)).toEqual([{ array: 2 }, text, text]);
  });
  it("writes inf and nan as printf does", () => {
    expect(probe.call("probe.g", "-inf", "15")).toEqual([{ array: 2 }, "-inf", "-inf"]);
    expect(probe.call("probe.g", "inf", "12")).toEqual([{ array: 2 }, "inf", "inf"]);
  });
});

describe("argIs", () => {
  it("compares ASCII case-insensitively and exactly", () => {
    for (const s of ["KEEPTTL", "keepttl", "KeEpTtL"]) expect(probe.call("probe.keyword", s)).toEqual([1]);
    for (const s of ["KEEPTT", "KEEPTTLX", "", "KEEPTTL\0"]) expect(probe.call("probe.keyword", s)).toEqual([0]);
  });
});

describe("replyArityError", () => {
  it("names the command in lower case, as Redis does whatever case the client sent", () => {
    expect(probe.call("PROBE.Arity", "x")).toEqual([{ error: "ERR wrong number of arguments for 'probe.arity' command" }]);
  });
});

describe("parseNumkeys (LMPOP's rules)", () => {
  const NUMKEYS = { error: "ERR numkeys should be greater than 0" };
  const SYNTAX = { error: "ERR syntax error" };
  it("answers numkeys when the keys and what follows them fit", () => {
    expect(probe.call("probe.numkeys", "1", "k", "END")).toEqual([1]);
    expect(probe.call("probe.numkeys", "2", "a", "b", "END")).toEqual([2]);
  });
  it.each(["0", "-1", "x", ""])("refuses numkeys %j with Redis's text", (n) => {
    expect(probe.call("probe.numkeys", n, "k", "END")).toEqual([NUMKEYS]);
  });
  it("refuses more keys than there are arguments, without overflowing on a huge numkeys", () => {
    expect(probe.call("probe.numkeys", "2", "k", "END")).toEqual([SYNTAX]);
    expect(probe.call("probe.numkeys", "1", "k")).toEqual([SYNTAX]);
    expect(probe.call("probe.numkeys", "9223372036854775807", "k", "END")).toEqual([SYNTAX]);
  });
});

describe("collections/packed", () => {
  it("finds an entry by its item, skipping each entry's extra bytes, and removes it", () => {
    expect(probe.call("probe.packed", "b", "a", "b", "c")).toEqual([{ array: 2 }, 1, 2]);
    expect(probe.call("probe.packed", "c", "a", "b", "c")).toEqual([{ array: 2 }, 2, 2]);
    expect(probe.call("probe.packed", "", "a", "", "c")).toEqual([{ array: 2 }, 1, 2]);
  });
  it("answers 0 (none) for an absent item, a prefix or an empty run", () => {
    expect(probe.call("probe.packed", "ab", "a", "abc")).toEqual([{ array: 2 }, -1, 2]);
    expect(probe.call("probe.packed", "a")).toEqual([{ array: 2 }, -1, 0]);
  });
});

describe("save and load helpers (a type's persistence format as fields)", () => {
  const i64 = (v: bigint) => { const b = Buffer.alloc(8); b.writeBigInt64LE(v); return b; };
  const f64 = (v: number) => { const b = Buffer.alloc(8); b.writeDoubleLE(v); return b; };
  const bytes = (s: string) => { const b = Buffer.alloc(4); b.writeUInt32LE(s.length); return Buffer.concat([b, Buffer.from(s, "latin1")]); };
  const payload = Buffer.concat([i64(-5n), bytes("a\r\nb"), f64(1.5)]);

  it("reads i64, bytes and f64 fields and writes them back byte for byte", () => {
    expect(probe.call("probe.resave", payload.toString("latin1"))).toEqual([
      { saved: i64(-5n).toString("latin1") }, { saved: bytes("a\r\nb").subarray(0, 4).toString("latin1") }, { saved: "a\r\nb" },
      { saved: f64(1.5).toString("latin1") }, "OK",
    ]);
  });

  it.each([
    ["a truncated payload", payload.subarray(0, payload.length - 1)],
    ["a payload with bytes left over", Buffer.concat([payload, Buffer.from([0])])],
    ["a bytes length past the end", Buffer.concat([i64(1n), Buffer.from([255, 255, 255, 127])])],
    ["an empty payload", Buffer.alloc(0)],
  ])("refuses %s without reading past it", (_name, bad) => {
    expect(probe.call("probe.resave", bad.toString("latin1"))).toEqual([{ error: "ERR short" }]);
  });
});
