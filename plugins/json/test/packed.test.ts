// The packed encoding (ADR 0040): a document written whole is one block, read like the tree; a write
// below the root thaws it into the tree, NUMINCRBY/NUMMULTBY rewrite a number in place (TOGGLE a boolean,
// SET a scalar of the same size: ADR 0045), a whole-root
// JSON.SET packs it again. Containers over 64 KiB take u32 offsets; a duplicate key leaves bytes behind
// that no read may see. MEMORY USAGE tells the encodings apart, so the tests read it.
import { describe, expect, it } from "vitest";
import { benchDocument } from "../../../bench/macro/json.js";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { kind: "ferrite", flush: true });
const usage = async (key: string) => (await s.r.memory("USAGE", key)) as number;
const get = (key: string, ...paths: string[]) => s.r.call("JSON.GET", key, ...paths);
/** The document the write-through test changes, as JSON.parse gives it. */
type Doc = { s?: string; a: number[]; o: { t?: boolean; x?: number; y?: number[] }; z?: null; m?: { n: number } };

describe("packed documents", () => {
  it("hold a typical document in about its text's size, thaw on a write below the root and pack again", async () => {
    const text = benchDocument(3);
    await s.r.call("JSON.SET", "p", "$", text);
    const packed = await usage("p");
    expect(packed).toBeLessThan(text.length * 1.35); // the tree took 1,512 B for these 723 (ADR 0025)
    expect(await get("p")).toBe(text);
    expect(await get("p", "$.variants[1].sku", "$..verified", "$.ratings[-1]")).toBe(
      '{"$.variants[1].sku":["SKU-3-M"],"$..verified":[true],"$.ratings[-1]":[4]}',
    );
    expect(await s.r.call("JSON.ARRAPPEND", "p", "$.tags", '"new"')).toEqual([6]);
    const thawed = await usage("p");
    expect(thawed).toBeGreaterThan(packed);
    const expected = JSON.parse(text);
    expected.tags.push("new");
    expect(await get("p")).toBe(JSON.stringify(expected));
    await s.r.call("JSON.SET", "p", "$", text);
    expect(await usage("p")).toBe(packed);
  });

  it("change numbers in place, staying packed", async () => {
    await s.r.call("JSON.SET", "n", "$", '{"a":{"i":1,"f":2.5},"b":[10,20]}');
    const packed = await usage("n");
    expect(await s.r.call("JSON.NUMINCRBY", "n", "$..i", "0.5")).toBe("[1.5]");
    expect(await s.r.call("JSON.NUMMULTBY", "n", "$.b[*]", "3")).toBe("[30,60]");
    expect(await s.r.call("JSON.NUMINCRBY", "n", ".a.f", "-2.5")).toBe("0.0");
    expect(await get("n")).toBe('{"a":{"i":1.5,"f":0.0},"b":[30,60]}');
    expect(await usage("n")).toBe(packed);
  });

  it("toggle booleans and set scalars of the same size in place, staying packed", async () => {
    await s.r.call("JSON.SET", "q", "$", '{"t":true,"f":false,"z":null,"n":5,"s":"abc","l":[true,"xyz"],"o":{"t":true}}');
    const packed = await usage("q");
    // $..t matches two booleans, [$.t, $.o.t]: one flips each; a union naming one twice flips it once.
    expect(await s.r.call("JSON.TOGGLE", "q", "$..t")).toEqual([0, 0]);
    expect(await s.r.call("JSON.TOGGLE", "q", "$.l[0,0]")).toEqual([0, 0]);
    expect(await s.r.call("JSON.TOGGLE", "q", ".f")).toBe("true");
    expect(await s.r.call("JSON.TOGGLE", "q", "$.n")).toEqual([null]);
    expect(await s.r.call("JSON.SET", "q", "$.z", "true")).toBe("OK"); // null and booleans: one byte each
    expect(await s.r.call("JSON.SET", "q", "$.n", "2.5")).toBe("OK"); // numbers: nine
    expect(await s.r.call("JSON.SET", "q", "$..s", '"xyz"')).toBe("OK"); // a string of the same length
    expect(await s.r.call("JSON.SET", "q", "$.l[1]", '"abc"')).toBe("OK");
    expect(await s.r.call("JSON.SET", "q", "$.f", "null", "XX")).toBe("OK");
    expect(await s.r.call("JSON.SET", "q", "$.t", "true", "NX")).toBeNull();
    expect(await get("q")).toBe('{"t":false,"f":null,"z":true,"n":2.5,"s":"xyz","l":[false,"abc"],"o":{"t":false}}');
    expect(await usage("q")).toBe(packed);
    // A scalar of another size, or over a container, thaws as before.
    expect(await s.r.call("JSON.SET", "q", "$.s", '"longer"')).toBe("OK");
    expect(await usage("q")).toBeGreaterThan(packed);
    expect(await get("q", "$.s")).toBe('["longer"]');
  });

  it("write below the root through every command, as the tree did", async () => {
    const doc = '{"s":"ab","a":[1,2,3],"o":{"t":true,"x":1},"z":null}';
    const writes: [string, ...(string | number)[]][] = [
      ["JSON.STRAPPEND", "$.s", '"c"'], ["JSON.ARRINSERT", "$.a", 0, "0"], ["JSON.ARRPOP", "$.a"],
      ["JSON.ARRTRIM", "$.a", 0, 0], ["JSON.TOGGLE", "$.o.t"], ["JSON.CLEAR", "$.o"], ["JSON.DEL", "$.z"],
      ["JSON.MERGE", "$", '{"m":{"n":1},"s":null}'], ["JSON.SET", "$.o.y", "[1]"],
    ];
    const expected: Doc = JSON.parse(doc);
    const model: Record<string, (e: Doc) => void> = {
      "JSON.STRAPPEND": (e) => { e.s = `${e.s}c`; }, "JSON.ARRINSERT": (e) => { e.a.unshift(0); },
      "JSON.ARRPOP": (e) => { e.a.pop(); }, "JSON.ARRTRIM": (e) => { e.a = e.a.slice(0, 1); },
      "JSON.TOGGLE": (e) => { e.o.t = !e.o.t; }, "JSON.CLEAR": (e) => { e.o = {}; }, "JSON.DEL": (e) => { delete e.z; },
      "JSON.MERGE": (e) => { e.m = { n: 1 }; delete e.s; }, "JSON.SET": (e) => { e.o.y = [1]; },
    };
    for (const [command, ...args] of writes) {
      // Each write on a freshly packed document holding the state so far.
      await s.r.call("JSON.SET", "w", "$", JSON.stringify(expected));
      const packed = await usage("w");
      await s.r.call(command, "w", ...args);
      model[command](expected);
      expect(await get("w"), command).toBe(JSON.stringify(expected));
      // TOGGLE flips a packed boolean in place; every other write thaws (the tree's figure).
      if (command === "JSON.TOGGLE") expect(await usage("w"), command).toBe(packed);
      else expect(await usage("w"), command).not.toBe(packed);
    }
  });

  it("copy a packed document as one block, independent of the original", async () => {
    await s.r.call("JSON.SET", "orig", "$", '{"a":[1,{"b":"c"}],"d":1.5}');
    expect(await s.r.copy("orig", "dup")).toBe(1);
    expect(await usage("dup")).toBe(await usage("orig"));
    await s.r.call("JSON.SET", "dup", "$.a[1].b", '"changed"');
    await s.r.call("JSON.NUMINCRBY", "dup", "$.d", 1);
    expect(await get("orig")).toBe('{"a":[1,{"b":"c"}],"d":1.5}');
    expect(await get("dup")).toBe('{"a":[1,{"b":"changed"}],"d":2.5}');
  });

  it("take u32 offsets for containers over 64 KiB, nested in and around small ones", async () => {
    const big = Array.from({ length: 7000 }, (_, i) => `item-${i}`);
    const keys = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`key-${i}`, { i, tag: [i % 7] }]));
    const doc = JSON.stringify({ small: [1, { x: "y" }], big, keys, after: "end" });
    expect(doc.length).toBeGreaterThan(2 * 65536);
    await s.r.call("JSON.SET", "wide", "$", doc);
    expect(await get("wide")).toBe(doc);
    expect(await get("wide", "$.big[6999]", "$.keys['key-2999'].tag[0]", "$.after", "$.small[1].x")).toBe(
      '{"$.big[6999]":["item-6999"],"$.keys[\'key-2999\'].tag[0]":[3],"$.after":["end"],"$.small[1].x":["y"]}',
    );
    expect(await s.r.call("JSON.ARRLEN", "wide", "$.big")).toEqual([7000]);
    expect(await s.r.call("JSON.OBJLEN", "wide", "$.keys")).toEqual([3000]);
    expect(await s.r.call("JSON.ARRINDEX", "wide", "$.big", '"item-6500"')).toEqual([6500]);
    // Thawed, then packed again by a whole-root JSON.SET of what it now holds.
    expect(await s.r.call("JSON.ARRPOP", "wide", "$.big", 0)).toEqual(['"item-0"']);
    const text = (await get("wide")) as string;
    await s.r.call("JSON.SET", "wide", "$", text);
    expect(await get("wide")).toBe(text);
    expect(await s.r.call("JSON.ARRLEN", "wide", "$.big")).toEqual([6999]);
  });

  it("keep a duplicate key's last value in its first place, its earlier value out of every read", async () => {
    await s.r.call("JSON.SET", "dup", "$", '{"a":{"x":[1,2,3]},"b":1,"a":5,"c":{"a":[0],"a":[1,2]}}');
    expect(await get("dup")).toBe('{"a":5,"b":1,"c":{"a":[1,2]}}');
    expect(await s.r.call("JSON.OBJKEYS", "dup")).toEqual(["a", "b", "c"]);
    expect(await get("dup", "$..x")).toBe("[]");
    expect(await s.r.call("JSON.ARRLEN", "dup", "$..a")).toEqual([null, 2]);
    expect(await s.r.call("JSON.DEBUG", "MEMORY", "dup")).toBeGreaterThan(0);
    await s.r.call("JSON.SET", "dup", "$.d", "true"); // thawed: the unreferenced bytes are gone
    expect(await get("dup")).toBe('{"a":5,"b":1,"c":{"a":[1,2]},"d":true}');
  });
});
