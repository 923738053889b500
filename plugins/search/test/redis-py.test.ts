// Debian's redis-py 4.3.4 search client (r.ft()), unmodified, against Ferrite: index management,
// queries, filters, paging, scores, info, aliases, through a script that prints what the client parsed.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const server = useServer();

it("serves redis-py's search client", async () => {
  const { stdout } = await promisify(execFile)("/usr/bin/python3", [join(import.meta.dirname, "redis-py-client.py"), String(server.port)]);
  const out = JSON.parse(stdout);
  expect(out.total).toBe(2);
  expect(out.docs).toEqual([{ id: "py:2", title: "Hello there", price: "20" }, { id: "py:1", title: "Hello world", price: "10" }]);
  expect(out.paged).toEqual({ total: 2, ids: ["py:1"], has_score: true });
  expect(out.nocontent).toEqual(["py:1"]);
  expect(out.filter).toEqual(["py:2"]);
  expect(out.params).toEqual(["py:1"]);
  expect(out.info).toEqual({ name: "pyidx", num_docs: 2, indexing: 0 });
  expect(out.tagvals).toEqual(["a", "b"]);
  expect(out.alias).toBe(1);
  expect(out.explain).toBe("INTERSECT {\n  hello\n  NOT {\n    world\n  }\n}\n");
  expect(out.error).toBe("Syntax error at offset 11 near unbalanced");
  expect(out.after_drop).toBe(0);
});
