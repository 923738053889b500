// The value model through raw commands: tricky documents round-trip byte for byte as RedisJSON prints
// them, invalid input gets serde_json's error with its position and changes nothing, the nesting limit.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";

const s = useServer([], { kind: "ferrite", flush: true });
const get = (key: string, ...paths: string[]) => s.r.call("JSON.GET", key, ...paths);

describe("round trips", () => {
  it.each([
    ['{"a":{"b":{"c":[[[[]]],{}]}}}', '{"a":{"b":{"c":[[[[]]],{}]}}}'],
    ["[9223372036854775807,-9223372036854775808,18446744073709551615]", "[9223372036854775807,-9223372036854775808,18446744073709551615]"],
    ["[18446744073709551616,123456789012345678901234567890]", "[1.8446744073709552e19,1.2345678901234568e29]"],
    ["[1e300,0.1,1.0,1e2,-0.0,-0,1.5e-7,0.00001,1e16,1e15,2.5E+3]", "[1e300,0.1,1.0,100.0,-0.0,0,1.5e-7,0.00001,1e16,1000000000000000.0,2500.0]"],
    ['"\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/\\u0001\\u001f"', '"é😀\\n\\t\\"\\\\/\\u0001\\u001f"'],
    ['{"é":"ü","":""," ":[]}', '{"é":"ü","":""," ":[]}'],
    [' \n\t[ 1 , { "a" : null } ] \r\n', '[1,{"a":null}]'],
    ['{"a":1,"a":2}', '{"a":2}'],
    ["[true,false,null]", "[true,false,null]"],
  ])("%s", async (input, output) => {
    expect(await s.r.call("JSON.SET", "k", "$", input)).toBe("OK");
    expect(await get("k")).toBe(output);
  });

  it("keeps raw UTF-8 as it came", async () => {
    const text = Buffer.from('"日本語 🎉"', "utf8");
    await s.r.call("JSON.SET", "k", "$", text);
    expect(((await s.r.callBuffer("JSON.GET", "k")) as Buffer).equals(text)).toBe(true);
    expect(await s.r.call("JSON.STRLEN", "k")).toBe(14); // bytes, as RedisJSON's Rust str::len
  });

  it("reads strings whose escapes and multi-byte characters fall anywhere in a word, short and long", async () => {
    // The parser copies eight bytes at a time and stops at an escape or a non-ASCII byte: put them at
    // every offset of a word, at the end of the input, and in strings on both sides of 255 bytes.
    const pieces = ["é", "\\n", "😀", "\\u00e9", '\\"', "日"]; // JSON text: escapes as written
    const strings: string[] = [];
    for (let offset = 0; offset < 9; offset++) for (const piece of pieces) strings.push(`${"a".repeat(offset)}${piece}${"b".repeat(offset)}`);
    strings.push(`${"x".repeat(250)}\\t${"é".repeat(40)}\\u0041`, "é".repeat(200));
    const input = `{${strings.map((t, i) => `"${t}${i}":"${t}"`).join(",")}}`;
    const expected = JSON.stringify(JSON.parse(input));
    expect(await s.r.call("JSON.SET", "k", "$", Buffer.from(input, "utf8"))).toBe("OK");
    expect(((await s.r.callBuffer("JSON.GET", "k")) as Buffer).toString("utf8")).toBe(expected);
    expect(await s.r.call("JSON.SET", "k", "$", Buffer.from('"日本"', "utf8"))).toBe("OK");
    expect(((await s.r.callBuffer("JSON.GET", "k")) as Buffer).toString("utf8")).toBe('"日本"');
  });

  it("writes long texts whose room grows mid-string and mid-escape", async () => {
    // The compact writer checks its room per piece and grows the reply as it goes (serialize.ts).
    const escaped = 'a"\\\n\u0001'.repeat(30_000);
    const doc = { s: escaped, l: Array.from({ length: 5000 }, (_, i) => ({ [`k${i}`]: `v\t${i}`, n: i + 0.5 })), t: "end" };
    expect(await s.r.call("JSON.SET", "k", "$", JSON.stringify(doc))).toBe("OK");
    expect(await get("k")).toBe(JSON.stringify(doc));
    expect(await get("k", "$.s")).toBe(JSON.stringify([escaped]));
  });

  it("keeps keys and strings on both sides of the 255-byte length form", async () => {
    // Lengths below 255 take one byte in the tree, longer ones five (node.ts): both, and the crossing.
    const long = "k".repeat(300), s254 = "s".repeat(254);
    const doc = JSON.stringify({ [long]: s254, [s254]: "x".repeat(255), short: long });
    expect(await s.r.call("JSON.SET", "k", "$", doc)).toBe("OK");
    expect(await get("k")).toBe(doc);
    expect(await s.r.call("JSON.STRAPPEND", "k", `$.${long}`, '"ab"')).toEqual([256]);
    expect(await s.r.call("JSON.STRLEN", "k", `$.${s254}`)).toEqual([255]);
    expect(await s.r.call("JSON.OBJKEYS", "k")).toEqual([long, s254, "short"]);
    expect(await get("k", `$.${long}`)).toBe(JSON.stringify([`${s254}ab`]));
    await s.r.call("JSON.DEL", "k", `$.${s254}`);
    expect(await get("k")).toBe(JSON.stringify({ [long]: `${s254}ab`, short: long }));
  });

  // V8's toExponential() gives the shortest, closest digits, laid out here as serde_json (ryu) does.
  const serde = (v: number): string => {
    const [mantissa, exp] = Math.abs(v).toExponential().split("e");
    const digits = mantissa.replace(".", "");
    const n = digits.length, point = Number(exp) + 1;
    const sign = v < 0 ? "-" : "";
    if (point - n >= 0 && point <= 16) return `${sign}${digits}${"0".repeat(point - n)}.0`;
    if (point > 0 && point <= 16) return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
    if (point > -5 && point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
    return `${sign}${digits[0]}${n > 1 ? `.${digits.slice(1)}` : ""}e${point - 1}`;
  };

  it("prints doubles as serde_json does: shortest digits that read back, the closest of them", async () => {
    // Short decimals take the SDK's fast path, other doubles the exact one.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    // Up to 12 significant digits: the SDK's parseF64 reads them on its fast path (Clinger's).
    const values: number[] = [19.99, 0.1, 0.3, 8.25, 1500.5, 0.000123, 4503599627.5, 1e-7, 123456789012];
    for (let i = 0; i < 400; i++) values.push(((next() % 1e9) + 1) / 10 ** (next() % 12));
    await s.r.call("JSON.SET", "k", "$", `[${values.map(serde).join(",")}]`);
    expect(await get("k")).toBe(`[${values.map(serde).join(",")}]`);
    // Products are mostly 16- and 17-digit doubles (the exact path); wasm and V8 compute the same ones.
    await s.r.call("JSON.NUMMULTBY", "k", "$[*]", "1.1");
    expect(await get("k")).toBe(`[${values.map((v) => serde(v * 1.1)).join(",")}]`);
  });

  it("reads decimals on both sides of the parser's one-pass fast path (19 significant digits, |exponent| ≤ 22)", async () => {
    // Read in one pass when the digits and exponent allow Clinger's fast path, else again by the SDK's
    // parseF64: zeros past 19 digits, leading zeros, exponents on decimals, 20-digit integer parts.
    const texts = [
      "0.1000000000000000000000000", "0.0000000000000000000001", "1234567890123456789.5", "12345678901234567890.25",
      "0.1234567890123456789", "0.12345678901234567891", "9007199254740993.0", "1.5e-7", "-2.50E+3", "12.5e22", "12.5e23",
      "0.000001e-20", "-0.5e1", "100000000000000000000000.0",
    ];
    await s.r.call("JSON.SET", "k", "$", `[${texts.join(",")}]`);
    expect(await get("k")).toBe(`[${texts.map((t) => serde(Number(t))).join(",")}]`);
  });

  it("reads every double back exactly: 17 digits, extremes, subnormals, decimal ties to even", async () => {
    // The SDK's parseF64 is correctly rounded (nearest-double.ts): it read 208944.64500000002 as
    // 208944.645 and 1e23 as 1.0000000000000001e23 before (882 of these 3,000 came back changed).
    let seed = 7n;
    const next = () => (seed = (seed * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n));
    const bits = new DataView(new ArrayBuffer(8));
    const values = [208944.64500000002, 1e23, 8.41e21, 5e-324, 2.225073858507201e-308, 2.2250738585072014e-308, 1.7976931348623157e308];
    while (values.length < 3000) {
      bits.setBigUint64(0, next());
      const v = bits.getFloat64(0);
      if (Number.isFinite(v) && v !== 0) values.push(v);
    }
    await s.r.call("JSON.SET", "k", "$", `[${values.map(serde).join(",")}]`);
    expect(await get("k")).toBe(`[${values.map(serde).join(",")}]`);
    // 1 + 2^-53 is halfway between 1 and the next double: ties go to the even one, 1; a digit either
    // way decides, even 50 digits down.
    const half = "1.00000000000000011102230246251565404236316680908203125";
    await s.r.call("JSON.SET", "k", "$", `[${half},${half.slice(0, -1)}4,${half.slice(0, -1)}6,${half}${"0".repeat(900)}1]`);
    expect(await get("k")).toBe("[1.0,1.0,1.0000000000000002,1.0000000000000002]");
  });

  it("formats with INDENT, NEWLINE and SPACE", async () => {
    await s.r.call("JSON.SET", "k", "$", '{"a":[1,{}],"b":{"c":[]}}');
    expect(await get("k", "INDENT", "\t", "NEWLINE", "\n", "SPACE", " ")).toBe('{\n\t"a": [\n\t\t1,\n\t\t{}\n\t],\n\t"b": {\n\t\t"c": []\n\t}\n}');
    expect(await get("k", "SPACE", " ", "$.b")).toBe('[{"c": []}]');
    expect(await get("k", "NEWLINE", "\n", "INDENT", "  ", "$.a")).toBe("[\n  [\n    1,\n    {}\n  ]\n]");
  });
});

describe("invalid input", () => {
  it.each([
    ["", "EOF while parsing a value at line 1 column 0"],
    ["{", "EOF while parsing an object at line 1 column 1"],
    ['{"a":', "EOF while parsing a value at line 1 column 5"],
    ["{a:1}", "key must be a string at line 1 column 2"],
    ['{"a" 1}', "expected `:` at line 1 column 6"],
    ['{"a":1 "b":2}', "expected `,` or `}` at line 1 column 8"],
    ["[1 2]", "expected `,` or `]` at line 1 column 4"],
    ["[1,]", "trailing comma at line 1 column 4"],
    ["tru", "EOF while parsing a value at line 1 column 3"],
    ["trux", "expected ident at line 1 column 4"],
    ["falsy", "expected ident at line 1 column 5"],
    ["nul", "EOF while parsing a value at line 1 column 3"],
    ["[truex]", "expected `,` or `]` at line 1 column 6"],
    ["01", "invalid number at line 1 column 2"],
    ["1.", "EOF while parsing a value at line 1 column 2"],
    ["-x", "invalid number at line 1 column 2"],
    ["1e400", "number out of range at line 1 column 5"],
    ['"a\\x"', "invalid escape at line 1 column 4"],
    ['"\u0001"', "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 2"],
    ['"abc', "EOF while parsing a string at line 1 column 4"],
    ['"\\udc00"', "lone leading surrogate in hex escape at line 1 column 7"],
    ["1 2", "trailing characters at line 1 column 3"],
    ["[\n1,\n@]", "expected value at line 3 column 1"],
    ["'a'", "expected value at line 1 column 1"],
  ])("%j", async (input, error) => {
    await s.r.call("JSON.SET", "k", "$", "[0]");
    expect(await errorOf(s.r.call("JSON.SET", "k", "$", input))).toBe(error);
    expect(await get("k")).toBe("[0]");
  });

  it("refuses invalid UTF-8 and overlong or surrogate encodings", async () => {
    // The UTF-8 error comes first even where the JSON is wrong before it (RedisJSON reads a Rust string):
    // after a syntax error, in a key, cut at the input's end, and outside any string.
    for (const bytes of [[0x22, 0xff, 0x22], [0x22, 0xc0, 0xaf, 0x22], [0x22, 0xed, 0xa0, 0x80, 0x22], [0x22, 0xe2, 0x82, 0x22],
      [0x5b, 0x78, 0x2c, 0x22, 0xff, 0x22, 0x5d], [0x7b, 0x22, 0xf4, 0x90, 0x80, 0x80, 0x22, 0x3a, 0x31, 0x7d], [0x22, 0x61, 0xf0, 0x9f, 0x98],
      [0x5b, 0x31, 0x2c, 0xc3, 0x5d]]) {
      expect(await errorOf(s.r.call("JSON.SET", "k", "$", Buffer.from(bytes)))).toBe("Couldn't parse as UTF-8 string");
    }
    expect(await s.r.exists("k")).toBe(0);
  });

  it("nests containers up to 127 deep, refusing the 128th as serde_json does", async () => {
    expect(await s.r.call("JSON.SET", "k", "$", `${"[".repeat(127)}${"]".repeat(127)}`)).toBe("OK");
    expect(await errorOf(s.r.call("JSON.SET", "k", "$", `${"[".repeat(128)}${"]".repeat(128)}`))).toBe(
      "recursion limit exceeded at line 1 column 128",
    );
    expect(await errorOf(s.r.call("JSON.SET", "k", "$", `${'{"a":'.repeat(200)}1${"}".repeat(200)}`))).toMatch(/^recursion limit exceeded/);
  });

  it("keeps the limit for values written below the root, changing nothing", async () => {
    const deep = `${"[".repeat(100)}${"]".repeat(100)}`;
    await s.r.call("JSON.SET", "k", "$", `{"a":${deep}}`);
    const before = await get("k");
    expect(await errorOf(s.r.call("JSON.SET", "k", "$.b", deep))).toBe("ERR recursion limit exceeded");
    expect(await errorOf(s.r.call("JSON.ARRAPPEND", "k", "$.a", deep))).toBe("ERR recursion limit exceeded");
    expect(await errorOf(s.r.call("JSON.MERGE", "k", "$.a", `{"x":${deep}}`))).toBe("ERR recursion limit exceeded");
    expect(await errorOf(s.r.call("JSON.MSET", "k", "$.c", deep))).toBe("ERR recursion limit exceeded");
    expect(await get("k")).toBe(before);
    expect(await s.r.call("JSON.SET", "k", "$.b", "[[1]]")).toBe("OK");
  });

  it("answers path syntax errors with their position", async () => {
    await s.r.call("JSON.SET", "k", "$", "{}");
    expect(await errorOf(get("k", "$.a["))).toBe('Error occurred on position 4, "$.a[ <<<<----", invalid path');
    expect(await errorOf(get("k", "$a"))).toMatch(/^Error occurred on position 1,/);
    expect(await errorOf(get("k", "$[?(@.a == )]"))).toMatch(/^Error occurred on position/);
  });
});

describe("JSONPath", () => {
  const DOC = JSON.stringify({
    store: {
      book: [
        { category: "reference", author: "Nigel Rees", title: "Sayings", price: 8.95 },
        { category: "fiction", author: "Evelyn Waugh", title: "Sword", price: 12.99 },
        { category: "fiction", author: "Herman Melville", title: "Moby Dick", isbn: "0-553", price: 8 },
        { category: "fiction", author: "J. R. R. Tolkien", title: "The Lord", isbn: "0-395", price: 22.99 },
      ],
      bicycle: { color: "red", price: 19.95 },
    },
    "x y": { "a.b": 1 },
  });
  const q = async (path: string) => JSON.parse((await get("doc", path)) as string);

  it("selects with $, .., *, indexes, slices, unions and quoted names", async () => {
    await s.r.call("JSON.SET", "doc", "$", DOC);
    expect(await q("$.store.book[*].author")).toEqual(["Nigel Rees", "Evelyn Waugh", "Herman Melville", "J. R. R. Tolkien"]);
    expect(await q("$..author")).toHaveLength(4);
    expect(await q("$.store.*")).toHaveLength(2);
    expect(await q("$..price")).toEqual([8.95, 12.99, 8, 22.99, 19.95]);
    expect(await q("$..book[2].title")).toEqual(["Moby Dick"]);
    expect(await q("$..book[-1].title")).toEqual(["The Lord"]);
    expect(await q("$..book[0,1].price")).toEqual([8.95, 12.99]);
    expect(await q("$..book[:2].price")).toEqual([8.95, 12.99]);
    expect(await q("$..book[1:3].price")).toEqual([12.99, 8]);
    expect(await q("$..book[::2].price")).toEqual([8.95, 8]);
    expect(await q("$..book[-2:].price")).toEqual([8, 22.99]);
    expect(await q("$['x y']['a.b']")).toEqual([1]);
    expect(await q('$["store"]["bicycle","missing"].color')).toEqual(["red"]);
    expect(await q("$.nothing")).toEqual([]);
    expect(await get("doc", '["x y"]["a.b"]')).toBe("1");
  });

  it("filters with comparisons, logic, existence and regular expressions", async () => {
    await s.r.call("JSON.SET", "doc", "$", DOC);
    expect(await q("$..book[?(@.isbn)].title")).toEqual(["Moby Dick", "The Lord"]);
    expect(await q("$..book[?(@.price < 10)].title")).toEqual(["Sayings", "Moby Dick"]);
    expect(await q("$..book[?(@.price <= 8 || @.price >= 22.99)].title")).toEqual(["Moby Dick", "The Lord"]);
    expect(await q('$..book[?(@.category == "fiction" && @.price > 10)].title')).toEqual(["Sword", "The Lord"]);
    expect(await q("$..book[?(@.category != 'fiction')].title")).toEqual(["Sayings"]);
    expect(await q('$..book[?(@.author =~ "^J\\\\. R")].title')).toEqual(["The Lord"]);
    expect(await q('$..book[?(@.title =~ "(?i)^s")].title')).toEqual(["Sayings", "Sword"]);
    expect(await q('$..book[?(@.title =~ "Dick$|Lord")].price')).toEqual([8, 22.99]);
    expect(await q("$..book[?(@.price == $.store.book[2].price)].title")).toEqual(["Moby Dick"]);
    expect(await q("$..book[?((@.price > 100 || @.price < 9) && @.isbn)].title")).toEqual(["Moby Dick"]);
    expect(await q("$.store[?(@.color == 'red')].price")).toEqual([19.95]);
  });
});
