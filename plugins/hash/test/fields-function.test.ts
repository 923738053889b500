// The hash plugin's `fields` function (host API 1.8 plugin_call), called over a real server by the
// switchboard fixture (SWITCHBOARD.CALL hash fields <input> → [status, output]): every pair of a
// listpack and of a table hash, chosen fields with an absent one, and the statuses for a missing key,
// another type and an input that is not a key item. Search reads hashes through it (ADR 0042).
import { join } from "node:path";
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { ROOT } from "../../../test/helpers/target.js";
import { fieldsAndValues } from "./fields.js";

const s = useServer(["--loadmodule", join(ROOT, "build/fixtures/switchboard.wasm")], { kind: "ferrite", flush: true });

/** Length-prefixed items (u32 little-endian length, bytes), as the function reads and writes them. */
function items(...parts: string[]): Buffer {
  return Buffer.concat(parts.flatMap((p) => {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(Buffer.byteLength(p));
    return [len, Buffer.from(p)];
  }));
}

/** Items back to strings; an absent one (length 0xffffffff) as null. */
function decode(out: Buffer): (string | null)[] {
  const got: (string | null)[] = [];
  for (let at = 0; at < out.length; ) {
    const len = out.readUInt32LE(at);
    at += 4;
    if (len === 0xffffffff) got.push(null);
    else {
      got.push(out.subarray(at, at + len).toString());
      at += len;
    }
  }
  return got;
}

async function fields(input: Buffer): Promise<[number, (string | null)[]]> {
  const [status, out] = (await s.r.callBuffer("switchboard.call", "hash", "fields", input)) as [number, Buffer];
  return [status, decode(out)];
}

it("answers every pair of a hash, small (listpack) or large (table), in HGETALL's order", async () => {
  await s.r.hset("small", "b", "2", "a", "1", "empty", "");
  expect(await fields(items("small"))).toEqual([3, ["b", "2", "a", "1", "empty", ""]]);
  await s.r.hset("large", ...fieldsAndValues(600));
  const [n, pairs] = await fields(items("large"));
  expect(n).toBe(600);
  expect(pairs).toEqual(await s.r.call("HGETALL", "large"));
});

it("answers chosen fields' values, an absent one as an absent item", async () => {
  await s.r.hset("h", "x", "1", "y", "two");
  expect(await fields(items("h", "y", "nope", "x"))).toEqual([2, ["two", null, "1"]]);
});

it("answers MISSING, WRONGTYPE and BADPAYLOAD with no output", async () => {
  expect(await fields(items("absent"))).toEqual([-1, []]);
  await s.r.set("str", "v");
  expect(await fields(items("str"))).toEqual([-2, []]);
  expect(await fields(Buffer.from([1, 0]))).toEqual([-3, []]);
  expect(await fields(Buffer.from([200, 0, 0, 0, 65]))).toEqual([-3, []]);
});
