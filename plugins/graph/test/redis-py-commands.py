# Debian's redis-py graph client (unmodified) on GRAPH.CONFIG, GRAPH.SLOWLOG and GRAPH.PROFILE against the
# server on port argv[1]; prints what the client made of each reply as JSON. Its profile parser splits
# the lines as text, so that client decodes replies.
import json
import sys

import redis

r = redis.Redis(port=int(sys.argv[1]), decode_responses=True)
g = r.graph("cmds")
out = {}

g.query("UNWIND range(1, 3) AS i CREATE (:N {i: i})")
out["config_get"] = g.config("RESULTSET_SIZE")
out["config_set"] = g.config("RESULTSET_SIZE", 100, set=True)
out["config_after"] = g.config("RESULTSET_SIZE")
g.config("RESULTSET_SIZE", -1, set=True)

g.query("UNWIND range(1, 50000) AS x RETURN count(x)")
log = g.slowlog()
out["slowlog"] = [len(log), log[0][1], log[0][2]]

out["profile"] = g.profile("MATCH (n:N) RETURN n.i").result_set

res = g.query("CREATE INDEX FOR (n:N) ON (n.i)")
out["indices_created"] = res.indices_created
out["range"] = g.query("MATCH (n:N) WHERE n.i >= 2 RETURN n.i ORDER BY n.i").result_set
out["projection"] = g.query("MATCH (n:N {i: 1}) RETURN n {.i, x: [n.i], .*}").result_set
out["range_plan"] = str(g.explain("MATCH (n:N) WHERE n.i >= 2 RETURN n.i")).splitlines()[-1].strip()
res = g.query("MATCH (a:N {i: 1}), (b:N {i: 3}) CREATE (a)-[:R]->(:M)-[:R]->(b) RETURN 1 AS x UNION RETURN 1 AS x")
out["union"] = res.result_set
res = g.query("MATCH (a:N {i: 1}), (b:N {i: 3}) RETURN shortestPath((a)-[:R*]->(b))")
path = res.result_set[0][0]
out["shortest"] = [path.nodes_count(), path.edge_count(), path.first_node().properties["i"], path.last_node().properties["i"]]
g.query("MATCH (a:N {i: 1})-[r:R]->() SET r.w = 5")
res = g.query("CREATE INDEX FOR ()-[r:R]-() ON (r.w)")
out["edge_index"] = [res.indices_created, g.query("MATCH (a)-[r:R {w: 5}]->(m) RETURN a.i").result_set]
out["point"] = g.query("CREATE (n:Place {loc: point({latitude: 1.5, longitude: -2})}) RETURN n.loc, n").result_set
out["point"][0][1] = out["point"][0][1].properties
print(json.dumps(out))
