# Drives a Ferrite server through Debian's redis-py search client (r.ft()), unmodified, and prints what
# it got back as JSON for redis-py.test.ts to check. Argument: the port.
import json
import sys

import redis
from redis.commands.search.field import NumericField, TagField, TextField
from redis.commands.search.indexDefinition import IndexDefinition, IndexType
from redis.commands.search.query import NumericFilter, Query

r = redis.Redis(port=int(sys.argv[1]), decode_responses=True)
out = {}
r.hset("py:1", mapping={"title": "Hello world", "body": "first document", "price": 10, "tags": "a,b"})
r.hset("py:2", mapping={"title": "Hello there", "body": "second document", "price": 20, "tags": "b"})
ft = r.ft("pyidx")
ft.create_index(
    [TextField("title", weight=5.0), TextField("body"), NumericField("price", sortable=True), TagField("tags")],
    definition=IndexDefinition(prefix=["py:"], index_type=IndexType.HASH),
)
res = ft.search(Query("hello").sort_by("price", asc=False))
out["total"] = res.total
out["docs"] = [{"id": d.id, "title": d.title, "price": d.price} for d in res.docs]
res = ft.search(Query("document").return_fields("title").paging(0, 1).with_scores())
out["paged"] = {"total": res.total, "ids": [d.id for d in res.docs], "has_score": all(d.score > 0 for d in res.docs)}
res = ft.search(Query("@tags:{a}").no_content())
out["nocontent"] = [d.id for d in res.docs]
res = ft.search(Query("*").add_filter(NumericFilter("price", 15, 25)))
out["filter"] = [d.id for d in res.docs]
res = ft.search(Query("@price:[$lo $hi]").dialect(2), query_params={"lo": 5, "hi": 15})
out["params"] = [d.id for d in res.docs]
info = ft.info()
out["info"] = {"name": info["index_name"], "num_docs": int(info["num_docs"]), "indexing": int(info["indexing"])}
out["tagvals"] = sorted(ft.tagvals("tags"))
ft.aliasadd("pyalias")
out["alias"] = r.ft("pyalias").search(Query("second")).total
out["explain"] = ft.explain("hello -world")
try:
    ft.search(Query("(unbalanced"))
except redis.ResponseError as e:
    out["error"] = str(e)
ft.dropindex(delete_documents=True)
out["after_drop"] = r.exists("py:1", "py:2")
print(json.dumps(out))
