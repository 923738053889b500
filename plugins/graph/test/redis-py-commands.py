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
print(json.dumps(out))
