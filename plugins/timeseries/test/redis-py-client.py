# Drives a Ferrite server through Debian's redis-py time series client (r.ts()), unmodified, and prints
# what it got back as JSON for redis-py.test.ts to check. Argument: the port.
import json
import sys

import redis

r = redis.Redis(port=int(sys.argv[1]), decode_responses=True)
ts = r.ts()
out = {}
ts.create("py:a", retention_msecs=0, labels={"sensor": "a", "site": "x"}, duplicate_policy="last")
ts.create("py:b", labels={"sensor": "b", "site": "x"}, chunk_size=128, uncompressed=True)
ts.create("py:avg")
ts.createrule("py:a", "py:avg", "avg", 10)
out["add"] = [ts.add("py:a", t, t * 1.5) for t in (1, 5, 12, 25)]
out["madd"] = ts.madd([("py:b", 1, 10), ("py:b", 2, 20), ("py:b", 3, 30)])
out["incrby"] = ts.incrby("py:c", 5, timestamp=100, labels={"sensor": "c"})
out["decrby"] = ts.decrby("py:c", 2, timestamp=200)
out["get"] = list(ts.get("py:a"))
out["range"] = [list(s) for s in ts.range("py:a", "-", "+")]
out["range_agg"] = [list(s) for s in ts.range("py:a", 0, 30, aggregation_type="sum", bucket_size_msec=10)]
out["revrange"] = [list(s) for s in ts.revrange("py:b", "-", "+", count=2)]
out["compacted"] = [list(s) for s in ts.range("py:avg", "-", "+")]
out["delete"] = ts.delete("py:b", 2, 2)
info = ts.info("py:a")
out["info"] = {"total_samples": info.total_samples, "labels": info.labels, "rules": info.rules, "retention": info.retention_msecs,
               "last": info.lastTimeStamp, "first": info.first_time_stamp, "chunk_size": info.chunk_size, "policy": info.duplicate_policy}
out["info_b"] = {"chunk_size": ts.info("py:b").chunk_size}
out["source"] = ts.info("py:avg").source_key
out["mget"] = ts.mget(["site=x"], with_labels=True)
out["mrange"] = ts.mrange(0, 100, ["site=x"], aggregation_type="max", bucket_size_msec=100, with_labels=True)
out["mrevrange"] = ts.mrevrange("-", "+", ["sensor=b"], count=1)
out["groupby"] = ts.mrange("-", "+", ["site=x"], groupby="site", reduce="sum")
out["queryindex"] = sorted(ts.queryindex(["sensor=(a,b,c)"]))
ts.alter("py:b", labels={"sensor": "b2"})
out["altered"] = ts.queryindex(["sensor=b2"])
try:
    ts.add("py:a", -5, 1)
except redis.ResponseError as e:
    out["error"] = str(e)
ts.deleterule("py:a", "py:avg")
out["rules_after"] = ts.info("py:a").rules
print(json.dumps(out))
