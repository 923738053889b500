// Debian's redis-py 4.3.4 time series client (r.ts()), unmodified, against Ferrite: every command it
// has, through a script that prints what the client parsed.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const server = useServer([], { flush: true });

it("serves redis-py's TS client, command by command", async () => {
  const { stdout } = await promisify(execFile)("/usr/bin/python3", [join(import.meta.dirname, "redis-py-client.py"), String(server.port)]);
  const out = JSON.parse(stdout);
  expect(out.add).toEqual([1, 5, 12, 25]);
  expect(out.madd).toEqual([1, 2, 3]);
  expect([out.incrby, out.decrby]).toEqual([100, 200]);
  expect(out.get).toEqual([25, 37.5]);
  expect(out.range).toEqual([[1, 1.5], [5, 7.5], [12, 18], [25, 37.5]]);
  expect(out.range_agg).toEqual([[0, 9], [10, 18], [20, 37.5]]);
  expect(out.revrange).toEqual([[3, 30], [2, 20]]);
  expect(out.compacted).toEqual([[0, 4.5], [10, 18]]);
  expect(out.delete).toBe(1);
  expect(out.info).toEqual({ total_samples: 4, labels: { sensor: "a", site: "x" }, rules: [["py:avg", 10, "AVG", 0]], retention: 0, last: 25, first: 1, chunk_size: 4096, policy: "last" });
  expect(out.info_b).toEqual({ chunk_size: 128 });
  expect(out.source).toBe("py:a");
  expect(out.mget).toEqual([{ "py:a": [{ sensor: "a", site: "x" }, 25, 37.5] }, { "py:b": [{ sensor: "b", site: "x" }, 3, 30] }]);
  expect(out.mrange).toEqual([{ "py:a": [{ sensor: "a", site: "x" }, [[0, 37.5]]] }, { "py:b": [{ sensor: "b", site: "x" }, [[0, 30]]] }]);
  expect(out.mrevrange).toEqual([{ "py:b": [{}, [[3, 30]]] }]);
  expect(out.groupby).toEqual([{ "site=x": [{}, [[1, 11.5], [3, 30], [5, 7.5], [12, 18], [25, 37.5]]] }]);
  expect(out.queryindex).toEqual(["py:a", "py:b", "py:c"]);
  expect(out.altered).toEqual(["py:b"]);
  expect(out.error).toBe("TSDB: invalid timestamp, must be a nonnegative integer");
  expect(out.rules_after).toEqual([]);
});
