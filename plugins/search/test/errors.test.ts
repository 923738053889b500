// Bad input gets RediSearch's error and changes nothing; the server stays up.
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { searchIds } from "./clients.js";

const server = useServer();

function fails(args: string[]): Promise<string> {
  return server.r.call(args[0], ...args.slice(1)).then(
    () => "no error",
    (e: Error) => e.message,
  );
}

it("refuses bad index definitions", async () => {
  expect(await fails(["FT.CREATE", "e1", "SCHEMA", "title", "TEXTUAL"])).toBe("Invalid field type for field `title`");
  expect(await fails(["FT.CREATE", "e1", "SCHEMA", "title", "TEXT", "title", "TAG"])).toBe("Duplicate field in schema - title");
  expect(await fails(["FT.CREATE", "e1", "PREFIX", "1", "x:"])).toBe("No schema found");
  expect(await fails(["FT.CREATE", "e1", "ON", "LIST", "SCHEMA", "a", "TEXT"])).toBe("Invalid `ON` value");
  expect(await fails(["FT.CREATE", "e1", "BOGUS", "SCHEMA", "a", "TEXT"])).toBe("Unknown argument `BOGUS`");
  expect(await fails(["FT.CREATE", "e1", "SCHEMA", "v", "VECTOR", "HNSW", "4", "TYPE", "FLOAT32", "DIM", "4"])).toBe(
    "Missing mandatory parameter: cannot create HNSW index without specifying DISTANCE_METRIC argument",
  );
  expect(await fails(["FT.CREATE", "e1", "SCHEMA", "v", "VECTOR", "FLAT", "6", "TYPE", "INT7", "DIM", "4", "DISTANCE_METRIC", "L2"])).toBe(
    "Bad arguments for vector similarity FLAT index vector type",
  );
  expect(await server.r.call("FT._LIST")).toEqual([]);
  expect(await server.r.call("FT.CREATE", "e1", "SCHEMA", "a", "TEXT")).toBe("OK");
  expect(await fails(["FT.CREATE", "e1", "SCHEMA", "a", "TEXT"])).toBe("Index already exists");
  const db3 = server.client({ db: 3 });
  await expect(db3.call("FT.CREATE", "e3", "SCHEMA", "a", "TEXT")).rejects.toThrow("Cannot create index on db != 0");
});

it("refuses bad queries and options", async () => {
  await server.r.call("FT.CREATE", "q1", "PREFIX", "1", "q1:", "SCHEMA", "a", "TEXT", "n", "NUMERIC", "t", "TAG");
  await server.r.hset("q1:1", { a: "hello", n: "1", t: "x" });
  expect(await fails(["FT.SEARCH", "nosuch", "*"])).toBe("nosuch: no such index");
  expect(await fails(["FT.INFO", "nosuch"])).toBe("Unknown Index name");
  expect(await fails(["FT.DROPINDEX", "nosuch"])).toBe("Unknown Index name");
  expect(await fails(["FT.SEARCH", "q1", "(hello"])).toBe("Syntax error at offset 6 near hello");
  expect(await fails(["FT.SEARCH", "q1", "@nope:hello", "DIALECT", "2"])).toBe("Unknown field at offset 1 near nope");
  expect(await fails(["FT.SEARCH", "q1", "@n:[1 x]"])).toMatch(/^Syntax error at offset 6/);
  expect(await fails(["FT.SEARCH", "q1", "@t:{$missing}", "DIALECT", "2"])).toBe("No such parameter `missing`");
  expect(await fails(["FT.SEARCH", "q1", "*", "LIMIT", "0"])).toBe("Bad arguments for LIMIT");
  expect(await fails(["FT.SEARCH", "q1", "*", "SORTBY", "zzz"])).toBe("Property `zzz` not loaded nor in schema");
  expect(await fails(["FT.SEARCH", "q1", "*", "DIALECT", "9"])).toBe("DIALECT requires a non negative integer >=1 and <= 4");
  expect(await fails(["FT.SEARCH", "q1", "*", "SCORER", "NOPE"])).toBe("Could not find the given scorer");
  expect(await fails(["FT.SEARCH", "q1", "*", "WHATEVER"])).toBe("Unknown argument `WHATEVER`");
  expect(await fails(["FT.ALIASDEL", "nothing"])).toBe("Alias does not exist");
  expect(await fails(["FT.TAGVALS", "q1", "a"])).toBe("Not a tag field");
  expect(await fails(["FT.TAGVALS", "q1", "zz"])).toBe("No such field");
  expect(await fails(["FT.DROPINDEX", "q1", "XX"])).toBe("Unknown argument");
  expect(await fails(["FT.DROPINDEX", "q1", "DD", "XX"])).toBe("ERR wrong number of arguments for 'ft.dropindex' command");
  expect(await fails(["FT.ALTER", "nosuch", "SCHEMA", "ADD", "b", "TEXT"])).toBe("Unknown index name");
  expect(await fails(["FT.ALTER", "q1", "ADD", "b", "TEXT"])).toBe("ALTER must be followed by SCHEMA");
  expect(await fails(["FT.ALTER", "q1", "SCHEMA", "DROP", "b"])).toBe("Unknown action passed to ALTER SCHEMA");
  expect(await fails(["FT.ALTER", "q1", "SKIPINITIALSCAN", "SCHEMA", "ADD"])).toBe("No fields provided");
  expect(await fails(["FT.ALIASADD", "al", "nosuch"])).toBe("Unknown index name (or name is an alias itself)");
  expect(await fails(["FT.ALIASADD", "q1", "q1"])).toBe("Alias conflicts with an existing index name");
  expect(await fails(["FT.SYNDUMP", "nosuch"])).toBe("nosuch: no such index");
  expect(await fails(["FT.SEARCH", "q1", "*=>[KNN 3 @a $v]", "PARAMS", "2", "v", "xxxx", "DIALECT", "2"])).toBe("Unknown field `a`");
  // Nothing was lost: the index still answers.
  expect(await searchIds(server.r, "q1", "hello")).toEqual(["q1:1"]);
});

it("refuses a query vector of the wrong size with RediSearch's error; FT.INFO shows the vector attribute", async () => {
  await server.r.call("FT.CREATE", "v1", "PREFIX", "1", "v1:", "SCHEMA", "v", "VECTOR", "HNSW", "6", "TYPE", "FLOAT32", "DIM", "2", "DISTANCE_METRIC", "L2");
  await server.r.hset("v1:1", "v", Buffer.from(new Float32Array([1, 2]).buffer));
  expect(await fails(["FT.SEARCH", "v1", "*=>[KNN 1 @v $b]", "PARAMS", "2", "b", "1234", "DIALECT", "2"])).toBe(
    "Error parsing vector similarity query: query vector blob size (4) does not match index's expected size (8).",
  );
  const info = (await server.r.call("FT.INFO", "v1")) as unknown[];
  const attrs = info[info.indexOf("attributes") + 1] as unknown[][];
  expect(attrs[0]).toEqual(["identifier", "v", "attribute", "v", "type", "VECTOR", "algorithm", "HNSW", "data_type", "FLOAT32", "dim", 2, "distance_metric", "L2", "M", 16, "ef_construction", 200, "ef_runtime", 10, "epsilon", "0.01"]);
});
