# Drives a Ferrite server through Debian's redis-py 4.3.4 search client (r.ft()), unmodified: FT.CREATE,
# FT.AGGREGATE with every reducer, APPLY, FILTER, SORTBY, LIMIT and cursors, the suggestions,
# dictionaries, FT.SPELLCHECK and FT.CONFIG; prints what the client parsed as JSON. Argument: the port.
import json
import sys

import redis
from redis.commands.search import reducers
from redis.commands.search.aggregation import AggregateRequest, Asc, Cursor, Desc
from redis.commands.search.field import NumericField, TagField, TextField
from redis.commands.search.indexDefinition import IndexDefinition
from redis.commands.search.suggestion import Suggestion

r = redis.Redis(port=int(sys.argv[1]), decode_responses=True)
ft = r.ft("py")
ft.create_index([TextField("title"), TagField("brand"), NumericField("price", sortable=True)],
                definition=IndexDefinition(prefix=["py:"]))
for i, (title, brand, price) in enumerate([("red shirt", "a", 10), ("blue shirt", "a", 20), ("red hat", "a", 30), ("sock", "b", 5)]):
    r.hset(f"py:{i}", mapping={"title": title, "brand": brand, "price": price})
out = {}

req = AggregateRequest("*").group_by(
    "@brand",
    reducers.count().alias("count"),
    reducers.count_distinct("@title").alias("titles"),
    reducers.count_distinctish("@title").alias("titlesish"),
    reducers.sum("@price").alias("sum"),
    reducers.avg("@price").alias("avg"),
    reducers.min("@price").alias("min"),
    reducers.max("@price").alias("max"),
    reducers.stddev("@price").alias("stddev"),
    reducers.quantile("@price", 0.5).alias("median"),
    reducers.tolist("@title").alias("titles_list"),
    reducers.first_value("@title", Desc("@price")).alias("dearest"),
    reducers.random_sample("@price", 1).alias("sample"),
).sort_by(Asc("@brand"))
res = ft.aggregate(req)
out["groups"] = [dict(zip(row[::2], row[1::2])) for row in res.rows]
for g in out["groups"]:
    g["titles_list"] = sorted(g["titles_list"])
    g["sample"] = len(g["sample"])

req = AggregateRequest("@brand:{a}").load("@title").apply(upper="upper(@title)", twice="@price * 2") \
    .filter("@price >= 20").sort_by(Desc("@price"), max=5).limit(0, 1)
out["applied"] = ft.aggregate(req).rows

cur = ft.aggregate(AggregateRequest("*").load("@title").cursor(count=3))
rows = list(cur.rows)
while cur.cursor and cur.cursor.cid:
    cur = ft.aggregate(cur.cursor)
    rows += cur.rows
out["cursor_rows"] = len(rows)

out["sugadd"] = [ft.sugadd("sug", Suggestion("hello", 2.0, "p1")), ft.sugadd("sug", Suggestion("help", 1.0))]
out["sugget"] = [[s.string, s.payload] for s in ft.sugget("sug", "hel", with_payloads=True)]
out["suglen"] = ft.suglen("sug")
out["sugdel"] = ft.sugdel("sug", "help")
out["dictadd"] = ft.dict_add("pydict", "foo", "bar")
out["dictdump"] = ft.dict_dump("pydict")
out["dictdel"] = ft.dict_del("pydict", "foo")
out["spellcheck"] = ft.spellcheck("shirr")
out["config_set"] = ft.config_set("TIMEOUT", 1000)
out["config_get"] = ft.config_get("TIMEOUT")
print(json.dumps(out))
