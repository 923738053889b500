// VECTOR fields through Debian's redis-py 4.3.4 search client (`r.ft()`), unmodified, run by
// /usr/bin/python3: each case prints what it read as JSON for the assertions here.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { kind: "ferrite", flush: true });

/** Runs `body` (Python: `r`, `ft` = r.ft("idx"), `out` a list to append to, `vec(*xs)` a FLOAT32 blob) and returns `out`. */
function py(body: string): unknown[] {
  const script = `
import json, struct, sys, redis
from redis.commands.search.field import TagField, TextField, VectorField
from redis.commands.search.indexDefinition import IndexDefinition, IndexType
from redis.commands.search.query import Query
r = redis.Redis(port=int(sys.argv[1]), decode_responses=False)
ft = r.ft("idx")
out = []
def vec(*xs):
    return struct.pack("%df" % len(xs), *xs)
def s(b):
    return b.decode() if isinstance(b, bytes) else b
${body}
print(json.dumps(out))
`;
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, String(s.port)], { encoding: "utf8" }));
}

describe("redis-py's search client", () => {
  it("creates an HNSW index, runs KNN sorted by the distance, with a hybrid filter", () => {
    expect(
      py(`
ft.create_index([VectorField("embedding", "HNSW", {"TYPE": "FLOAT32", "DIM": 3, "DISTANCE_METRIC": "COSINE", "M": 8, "EF_CONSTRUCTION": 50}), TagField("genre"), TextField("title")],
                definition=IndexDefinition(prefix=["movie:"], index_type=IndexType.HASH))
r.hset("movie:1", mapping={"embedding": vec(1, 0, 0), "genre": "drama", "title": "one"})
r.hset("movie:2", mapping={"embedding": vec(1, 1, 0), "genre": "comedy", "title": "two"})
r.hset("movie:3", mapping={"embedding": vec(0, 1, 0), "genre": "drama", "title": "three"})
q = Query("*=>[KNN 2 @embedding $B AS score]").sort_by("score").return_fields("score", "title").dialect(2)
res = ft.search(q, query_params={"B": vec(2, 0, 0)})
out.append(res.total)
out.append([[s(d.id), s(d.score), s(d.title)] for d in res.docs])
q = Query("(@genre:{drama})=>[KNN 5 @embedding $B AS score]").sort_by("score", asc=False).return_fields("score").dialect(2)
res = ft.search(q, query_params={"B": vec(2, 0.1, 0)})
out.append([s(d.id) for d in res.docs])
q = Query("@embedding:[VECTOR_RANGE 0.5 $B]").no_content().dialect(2)
out.append(sorted(s(d.id) for d in ft.search(q, query_params={"B": vec(1, 0.2, 0)}).docs))
`),
    ).toEqual([2, [["movie:1", "0", "one"], ["movie:2", "0.292893230915", "two"]], ["movie:3", "movie:1"], ["movie:1", "movie:2"]]);
  });
});
