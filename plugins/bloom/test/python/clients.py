"""Every probabilistic family through Debian's redis-py 4.3.4 module clients, unmodified (RESP2).

Run as `python3 clients.py PORT`; an assertion failure exits non-zero. redis-py 4.3.4's t-digest client
speaks RedisBloom 2.2's syntax (TDIGEST.CREATE key compression, TDIGEST.ADD value weight pairs,
TDIGEST.MERGE to from) that RedisBloom 2.8 refuses, so those calls are checked to fail as they would
against Redis 8, and the digest is filled with 2.8's syntax.
"""
import sys

import redis

r = redis.Redis(port=int(sys.argv[1]), decode_responses=False)
r.flushall()


def fails(call, text):
    try:
        call()
    except redis.ResponseError as e:
        assert text in str(e), (text, str(e))
        return
    raise AssertionError("expected " + text)


# Bloom
bf = r.bf()
assert bf.create("bf", 0.01, 1000) is True
assert bf.add("bf", "a") == 1
assert bf.madd("bf", "a", "b", "c") == [0, 1, 1]
assert bf.insert("bf2", ["x", "y"], capacity=500, error=0.001) == [1, 1]
assert bf.exists("bf", "b") == 1 and bf.exists("bf", "zz") == 0
assert bf.mexists("bf", "a", "zz") == [1, 0]
info = bf.info("bf")
assert (info.capacity, info.insertedNum, info.filterNum, info.expansionRate) == (1000, 3, 1, 2)
it, chunks = 0, []
while True:
    it, data = bf.scandump("bf", it)
    if it == 0:
        break
    chunks.append((it, data))
for it, data in chunks:
    assert bf.loadchunk("bf-copy", it, data) == b"OK"
assert bf.mexists("bf-copy", "a", "b", "c") == [1, 1, 1]
fails(lambda: bf.create("bf", 0.01, 1000), "item exists")
print("bf ok")

# Cuckoo
cf = r.cf()
assert cf.create("cf", 1000, expansion=2, bucket_size=4, max_iterations=10) is True
assert cf.add("cf", "a") == 1 and cf.addnx("cf", "a") == 0
assert cf.insert("cf", ["b", "c"]) == [1, 1]
assert cf.insertnx("cf", ["c", "d"]) == [0, 1]
assert cf.exists("cf", "a") == 1 and cf.count("cf", "a") == 1
assert cf.delete("cf", "a") == 1 and cf.exists("cf", "a") == 0
info = cf.info("cf")
assert (info.bucketSize, info.expansionRate, info.maxIteration, info.insertedNum, info.deletedNum) == (4, 2, 10, 3, 1)
it = 0
while True:
    it, data = cf.scandump("cf", it)
    if it == 0:
        break
    assert cf.loadchunk("cf-copy", it, data) == b"OK"
assert cf.mexists("cf-copy", "b", "c", "d") == [1, 1, 1]
print("cf ok")

# Count-min sketch
cms = r.cms()
assert cms.initbydim("cms", 1000, 5) is True
assert cms.initbyprob("cms2", 0.001, 0.01) is True
assert cms.incrby("cms", ["a", "b"], [3, 4]) == [3, 4]
assert cms.query("cms", "a", "b", "zz") == [3, 4, 0]
assert cms.initbydim("cms3", 1000, 5) and cms.incrby("cms3", ["a"], [10])
assert cms.merge("cms", 2, ["cms", "cms3"], [1, 2]) is True
assert cms.query("cms", "a") == [23]
info = cms.info("cms")
assert (info.width, info.depth, info.count) == (1000, 5, 27)
print("cms ok")

# Top-K
topk = r.topk()
assert topk.reserve("topk", 2, 50, 4, 0.9) is True
assert topk.add("topk", "a", "b", "a") == [None, None, None]
assert topk.incrby("topk", ["c"], [5]) == ["b"]
assert topk.query("topk", "a", "b", "c") == [1, 0, 1]
assert topk.count("topk", "a", "c") == [2, 5]
assert topk.list("topk") == ["c", "a"]
assert topk.list("topk", withcount=True) == ["c", 5, "a", 2]
info = topk.info("topk")
assert (info.k, info.width, info.depth, float(info.decay)) == (2, 50, 4, 0.9)
print("topk ok")

# t-digest
td = r.tdigest()
fails(lambda: td.create("td", 100), "wrong number of arguments")
assert r.execute_command("TDIGEST.CREATE", "td", "COMPRESSION", 100) is True
assert r.execute_command("TDIGEST.ADD", "td", *range(1, 101)) == b"OK"
assert td.min("td") == 1.0 and td.max("td") == 100.0
info = td.info("td")
assert (info.compression, info.capacity) == (100, 610)
assert td.reset("td") == b"OK"
fails(lambda: td.merge("td2", "td"), "wrong number of arguments")
print("tdigest ok")
