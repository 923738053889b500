// INCRBYFLOAT and HINCRBYFLOAT compute in x87 long double, as Redis does (issue 11: a second
// `INCRBYFLOAT f 1e308` failed here). The first part states Redis's replies (it runs against
// redis-server too, TEST_AGAINST=redis); the second sends the same random numbers to both servers at
// once and compares every reply byte for byte, errors included.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { startTarget, type Target } from "../../../test/helpers/target.js";
import { prng } from "../../../test/helpers/prng.js";

const s = useServer([], { flush: true });
const NOT_FLOAT = "ERR value is not a valid float";
const NAN_OR_INF = "ERR increment would produce NaN or Infinity";

async function incr(start: string | null, ...increments: string[]): Promise<string> {
  await s.r.del("f");
  if (start !== null) await s.r.set("f", start);
  let last = "";
  for (const i of increments) last = (await s.r.call("INCRBYFLOAT", "f", i)) as string;
  return last;
}

describe("Redis's long double results", () => {
  it("adds 1e308 twice, in full decimal digits", async () => {
    const once = await incr(null, "1e308");
    expect(once).toMatch(/^99999999999999999996685879655845645660560099847415567207797047994921734868838061872100126921888539320446747225054013223152134749593960583597420814430196418767959100019603190778663109604507106667939153395788938914560543563061268364901618630217086589253444881623791300855757318142424510452728255046343928578048$/);
    const twice = (await s.r.call("INCRBYFLOAT", "f", "1e308")) as string;
    expect(twice.slice(0, 60)).toBe("199999999999999999993371759311691291321120199694831134415594");
    expect(twice.length).toBe(309);
    expect(await s.r.get("f")).toBe(twice);
  });

  it.each([
    [null, ["0.1", "0.2"], "0.3"], ["0.1", ["0.2"], "0.3"], [null, ["5.0e3"], "5000"], [null, ["-0"], "0"],
    [null, ["1e-20"], "0"], [null, ["1.5e-17"], "0.00000000000000002"], [null, ["2.5e-17"], "0.00000000000000002"],
    [null, ["0.30000000000000004"], "0.30000000000000004"], [null, ["3.0000000000000000000000001"], "3"],
    ["1000000000000000000", ["1"], "1000000000000000001"], [null, ["0x10"], "16"], [null, ["0X1.8p1"], "3"],
    [null, ["1e-4950"], "0"], ["-0.5", ["0.25"], "-0.25"], [null, ["1e20"], "100000000000000000000"],
  ] as [string | null, string[], string][])("%s + %j = %s", async (start, increments, expected) => {
    expect(await incr(start, ...increments)).toBe(expected);
  });

  it("reaches LDBL_MAX's 4,933 integer digits and refuses what overflows", async () => {
    const max = await incr(null, "1.18973149535723176502e+4932");
    expect(max).toMatch(/^118973149535723176502\d{4912}$/);
    expect(await errorOf(s.r.call("INCRBYFLOAT", "f", "1e4932"))).toBe(NAN_OR_INF);
    expect(await s.r.get("f")).toBe(max);
    expect(await incr(null, "-1.18973149535723176502e+4932")).toBe(`-${max}`);
  });

  it.each(["1e4933", "1e-4951", "1e-99999", "1e99999", "nan", "-nan", " 1", "1 ", "1e", "0x", "0x1p", "abc", "", "1.2.3", "--1"])(
    "refuses %j as strtold and string2ld do", async (input) => {
      expect(await errorOf(s.r.call("INCRBYFLOAT", "f", input))).toBe(NOT_FLOAT);
      expect(await errorOf(s.r.call("HINCRBYFLOAT", "h", "x", input))).toBe(NOT_FLOAT);
    });

  it("refuses infinities with each command's text", async () => {
    expect(await errorOf(s.r.call("INCRBYFLOAT", "f", "inf"))).toBe(NAN_OR_INF);
    expect(await errorOf(s.r.call("HINCRBYFLOAT", "h", "x", "-Infinity"))).toBe("ERR value is NaN or Infinity");
    await s.r.hset("h", "x", "1e4932");
    expect(await errorOf(s.r.call("HINCRBYFLOAT", "h", "x", "1e4932"))).toBe(NAN_OR_INF);
    expect(await s.r.call("HINCRBYFLOAT", "h", "y", "1e308")).toBe(await incr(null, "1e308"));
  });
});

/** A number as a user or a program might send it: short and long mantissas, edge exponents, hex, junk. */
function randomNumber(rand: () => number): string {
  const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)];
  const digits = (n: number, alphabet = "0123456789") => Array.from({ length: n }, () => pick([...alphabet])).join("");
  const sign = pick(["", "", "", "-", "+"]);
  const kind = rand();
  if (kind < 0.08) {
    return sign + pick(["0", "-0", "0.0", "inf", "1e-4951", "1e-4950", "3.6451995318824746025e-4951", "1e4932", "1.18973149535723176502e+4932",
      "1.1897314953572317651e+4932", "1.7976931348623157e308", "4.9e-324", "0.1", "0.2", "1e308", "9223372036854775807", "-9223372036854775808",
      "18446744073709551615", "18446744073709551616", "0.5", "1.5", "2.5", "1e-17", "5e-18", "5.000000000000000001e-18", "."]);
  }
  if (kind < 0.16) {
    const exponent = rand() < 0.7 ? `p${pick(["", "-", "+"])}${Math.floor(rand() * 16500)}` : "";
    return `${sign}0${pick(["x", "X"])}${digits(1 + Math.floor(rand() * 20), "0123456789abcdefABCDEF")}${rand() < 0.3 ? "." + digits(Math.floor(rand() * 6)) : ""}${exponent}`;
  }
  const length = rand() < 0.1 ? 1 + Math.floor(rand() * 400) : 1 + Math.floor(rand() * 25);
  let mantissa = digits(length);
  if (rand() < 0.6) {
    const point = Math.floor(rand() * (length + 1));
    mantissa = `${mantissa.slice(0, point)}.${mantissa.slice(point)}`;
  }
  const e = rand() < 0.25 ? Math.floor(rand() * 9900) - 4960 : Math.floor(rand() * 60) - 30;
  return sign + mantissa + (rand() < 0.5 ? `${pick(["e", "E"])}${e}` : "");
}

describe.runIf(process.env.TEST_AGAINST !== "redis")("beside redis-server", () => {
  let redis: Target;
  let reference: Redis;
  beforeAll(async () => {
    redis = await startTarget([], "redis");
    reference = new Redis({ host: "127.0.0.1", port: redis.port, maxRetriesPerRequest: 0 });
  });
  afterAll(async () => {
    reference?.disconnect();
    await redis?.stop();
  });

  /** The reply (or error text) of one command on a server. */
  const replyOf = (r: Redis, args: string[]): Promise<string> =>
    (r.call(args[0], ...args.slice(1)) as Promise<string>).then(String, (e: Error) => `error: ${e.message}`);

  it("gives the same replies to the same random sequences, INCRBYFLOAT and HINCRBYFLOAT", async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1e9);
    const rand = prng(seed);
    for (let round = 0; round < 300; round++) {
      const hash = rand() < 0.5;
      const steps: string[][] = [["DEL", "k"]];
      if (rand() < 0.6) steps.push(hash ? ["HSET", "k", "x", randomNumber(rand)] : ["SET", "k", randomNumber(rand)]);
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) steps.push(hash ? ["HINCRBYFLOAT", "k", "x", randomNumber(rand)] : ["INCRBYFLOAT", "k", randomNumber(rand)]);
      steps.push(hash ? ["HGET", "k", "x"] : ["GET", "k"]);
      for (const step of steps) {
        const [ours, theirs] = await Promise.all([replyOf(s.r, step), replyOf(reference, step)]);
        expect(ours, `seed ${seed}, round ${round}: ${JSON.stringify(step)}`).toBe(theirs);
      }
    }
  });
});
