// The JSON commands through Debian's redis-py 4.3.4 JSON client (`r.json()`), unmodified, run by
// /usr/bin/python3: each case prints its replies as JSON for the assertions here.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { kind: "ferrite", flush: true });

/** Runs `body` (Python, with `r` = redis.Redis(...), `j` = r.json(), `out` a list to append to) and returns `out`. */
function py(body: string): unknown[] {
  const script = `
import json, sys, redis
from redis.commands.json.path import Path
r = redis.Redis(port=int(sys.argv[1]), decode_responses=True)
j = r.json()
out = []
def err(f):
    try:
        f()
        out.append("no error")
    except redis.exceptions.ResponseError as e:
        out.append(str(e))
${body}
print(json.dumps(out))
`;
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, String(s.port)], { encoding: "utf8" }));
}

describe("redis-py's JSON client", () => {
  it("sets, gets and deletes in both path syntaxes", () => {
    expect(
      py(`
out.append(j.set("doc", Path.root_path(), {"a": 1, "b": [1, 2, 3], "c": {"a": "x", "b": True}}))
out.append(j.get("doc"))
out.append(j.get("doc", "$..a"))
out.append(j.get("doc", ".c.a"))
out.append(j.get("doc", "$.a", "$.b[0]"))
out.append(j.set("doc", "$.a", 2, nx=True))
out.append(j.set("doc", "$.d", [], xx=True))
out.append(j.mget(["doc", "none"], "$.a"))
out.append(j.type("doc", "$.*"))
out.append(j.delete("doc", "$..a"))
out.append(j.forget("doc", ".b"))
out.append(j.get("doc"))
err(lambda: j.set("new", "$.x", 1))
err(lambda: j.get("doc", ".nope"))
`),
    ).toEqual([
      true,
      { a: 1, b: [1, 2, 3], c: { a: "x", b: true } },
      [1, "x"],
      "x",
      { "$.a": [1], "$.b[0]": [1] },
      null,
      null,
      [[1], null],
      ["integer", "array", "object"],
      2,
      1,
      { c: { b: true } },
      "new objects must be created at the root",
      "Path '.nope' does not exist",
    ]);
  });

  it("numbers, strings, booleans, arrays and objects", () => {
    expect(
      py(`
j.set("doc", "$", {"a": 1, "s": "ab", "t": False, "arr": [1, 2, 3], "o": {"k": 1}})
out.append(j.numincrby("doc", "$.a", 2))
out.append(j.nummultby("doc", ".a", 1.5))
out.append(j.strappend("doc", "cd", "$.s"))
out.append(j.strlen("doc", ".s"))
out.append(j.toggle("doc", "$.t"))
out.append(j.arrappend("doc", "$.arr", 4, 5))
out.append(j.arrinsert("doc", ".arr", 0, 0))
out.append(j.arrindex("doc", "$.arr", 3))
out.append(j.arrlen("doc", ".arr"))
out.append(j.arrpop("doc", "$.arr"))
out.append(j.arrtrim("doc", ".arr", 1, 2))
out.append(j.objkeys("doc", "$.o"))
out.append(j.objlen("doc"))
out.append(j.clear("doc", "$.o"))
out.append(r.execute_command("JSON.MERGE", "doc", "$", json.dumps({"o": {"n": None, "m": 2}, "t": None})))  # 4.3.4 has no merge()
out.append(j.get("doc"))
out.append(j.resp("doc", "$.arr"))
out.append(j.debug("MEMORY", "doc", "$.s")[0] > 0)
err(lambda: j.numincrby("doc", ".s", 1))
err(lambda: j.arrinsert("doc", ".arr", 9, 1))
`),
    ).toEqual([
      [3],
      4.5,
      [4],
      4,
      [1],
      [5],
      6,
      [3],
      6,
      ["5"], // redis-py 4.3.4 leaves JSONPath ARRPOP's items as the JSON text RedisJSON sends
      2,
      [["k"]],
      5,
      1,
      "OK",
      { a: 4.5, s: "abcd", arr: [1, 2], o: { m: 2 } },
      [["[", 1, 2]],
      true,
      "Path '.s' does not exist or does not contains a number",
      "index out of bounds",
    ]);
  });
});
