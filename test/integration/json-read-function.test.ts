// The JSON plugin's `read` function (host API 1.8 plugin_call; ADR 0025's json_read, built in ADR 0042),
// called over a real server by the switchboard fixture (SWITCHBOARD.CALL json read <input> → [status,
// output]): typed records per path, strings unescaped and numbers as JSON.GET writes them, EXPAND of
// array matches, a legacy path's first match only, a path that does not parse, and the statuses.
import { join } from "node:path";
import { expect, it } from "vitest";
import { useServer } from "../helpers/server.js";
import { ROOT } from "../helpers/target.js";

const s = useServer(["--loadmodule", join(ROOT, "build/fixtures/switchboard.wasm")], { kind: "ferrite", flush: true });

const EXPAND = 1;

function input(flags: number, key: string, ...paths: string[]): Buffer {
  return Buffer.concat([Buffer.from([flags]), ...[key, ...paths].flatMap((p) => {
    const len = Buffer.alloc(4);
    len.writeUInt32LE(Buffer.byteLength(p));
    return [len, Buffer.from(p)];
  })]);
}

/** Per path: null when it did not parse, else its records as [kind, text]. */
function decode(out: Buffer): ([number, string][] | null)[] {
  const paths: ([number, string][] | null)[] = [];
  for (let at = 0; at < out.length; ) {
    const n = out.readUInt32LE(at);
    at += 4;
    if (n === 0xffffffff) { paths.push(null); continue; }
    const records: [number, string][] = [];
    for (let i = 0; i < n; i++) {
      const kind = out[at];
      const len = out.readUInt32LE(at + 1);
      records.push([kind, out.subarray(at + 5, at + 5 + len).toString()]);
      at += 5 + len;
    }
    paths.push(records);
  }
  return paths;
}

async function read(bytes: Buffer): Promise<[number, ([number, string][] | null)[]]> {
  const [status, out] = (await s.r.callBuffer("switchboard.call", "json", "read", bytes)) as [number, Buffer];
  return [status, decode(out)];
}

const DOC = '{"name":"Ada \\"the\\" Countess\\n","age":36,"pi":3.25,"big":18446744073709551615,"ok":true,"none":null,"addr":{"city":"London"}}';

it("answers typed records per path: strings unescaped, other values as JSON.GET writes them", async () => {
  await s.r.call("JSON.SET", "doc", "$", DOC);
  const [n, paths] = await read(input(0, "doc", "$.name", "$.age", "$.pi", "$.big", "$.ok", "$.none", "$.addr", "$.nothing"));
  expect(n).toBe(8);
  expect(paths).toEqual([
    [[6, "Ada \"the\" Countess\n"]], [[3, "36"]], [[5, "3.25"]], [[4, "18446744073709551615"]], [[2, "true"]], [[0, "null"]],
    [[8, '{"city":"London"}']], [],
  ]);
});

it("expands array matches with EXPAND, and gives a legacy path its first match only", async () => {
  await s.r.call("JSON.SET", "doc", "$", JSON.stringify({ tags: ["math", 7, ["nested"], { o: 1 }], a: [{ x: 1 }, { x: 2 }] }));
  expect((await read(input(0, "doc", "$.tags")))[1]).toEqual([[[7, '["math",7,["nested"],{"o":1}]']]]);
  expect((await read(input(EXPAND, "doc", "$.tags")))[1]).toEqual([[[6, "math"], [3, "7"], [7, '["nested"]'], [8, '{"o":1}']]]);
  expect((await read(input(0, "doc", "$.a[*].x", ".a[*].x")))[1]).toEqual([[[3, "1"], [3, "2"]], [[3, "1"]]]);
});

it("marks a path that does not parse, and answers MISSING, WRONGTYPE and BADPAYLOAD", async () => {
  await s.r.call("JSON.SET", "doc", "$", '{"a":1}');
  expect(await read(input(0, "doc", "$.a[", "$.a"))).toEqual([2, [null, [[3, "1"]]]]);
  expect(await read(input(0, "absent", "$"))).toEqual([-1, []]);
  await s.r.set("str", "v");
  expect(await read(input(0, "str", "$"))).toEqual([-2, []]);
  expect(await read(Buffer.from([0, 9, 0]))).toEqual([-3, []]);
});
