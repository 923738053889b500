# Drives Debian's redis-py graph client (unmodified) against the server on port argv[1] and prints, as
# JSON, what the client made of each reply: redis-py sends --compact and resolves label, relationship
# type and property ids through db.labels(), db.relationshipTypes() and db.propertyKeys().
import json
import sys

import redis
from redis.commands.graph import Edge, Node

r = redis.Redis(port=int(sys.argv[1]))
g = r.graph("social")
out = {}

alice = Node(alias="alice", label="Person", properties={"name": "Alice", "age": 30})
bob = Node(alias="bob", label=["Person", "Admin"], properties={"name": 'Bob "the builder"', "age": 25})
g.add_node(alice)
g.add_node(bob)
g.add_edge(Edge(alice, "KNOWS", bob, properties={"since": 2020}))
res = g.commit()
out["commit"] = [res.nodes_created, res.relationships_created, res.properties_set, res.labels_added]

res = g.query("MATCH (a:Person)-[k:KNOWS]->(b) RETURN a, k, b, b.name, k.since, [1, 2.5, 'x', true, null], {key: 'v'}, null")
a, k, b, name, since, lst, m, nothing = res.result_set[0]
out["header"] = [h[1].decode() for h in res.header]
out["a"] = [a.id, a.labels, a.properties]
out["b"] = [b.id, b.labels, b.properties]
out["k"] = [k.id, k.relation, k.src_node, k.dest_node, k.properties]
out["scalars"] = [name, since, lst, dict(m), nothing]

res = g.query("MATCH (p:Person) WHERE p.age > $min RETURN p.name ORDER BY p.age", {"min": 20, "unused": [1, "two"]})
out["params"] = res.result_set

res = g.query("MATCH (p) RETURN count(p), avg(p.age), collect(p.age)", read_only=True)
out["aggregates"] = res.result_set

try:
    g.query("CREATE (:X)", read_only=True)
except redis.ResponseError as e:
    out["ro_error"] = str(e)

res = g.query("MATCH p = (:Person {name: 'Alice'})-[:KNOWS]->() RETURN p")
path = res.result_set[0][0]
out["path"] = [path.nodes_count(), path.edge_count(), path.first_node().properties["name"], path.get_relationship(0).relation]

res = g.merge(Node(alias="c", label="City", properties={"name": "Paris"}))
res2 = g.merge(Node(alias="c", label="City", properties={"name": "Paris"}))
out["merge"] = [res.nodes_created, res2.nodes_created]

res = g.query("MATCH (p:Person {name: 'Alice'}) SET p.age = p.age + 1, p:Runner RETURN p")
out["set"] = [res.properties_set, res.labels_added, res.result_set[0][0].labels]

res = g.query("MATCH (p:Person {name: 'Alice'}) DETACH DELETE p")
out["delete"] = [res.nodes_deleted, res.relationships_deleted]

out["labels"] = [row[0] for row in g.labels()]
out["relationship_types"] = [row[0] for row in g.relationship_types()]
out["property_keys"] = [row[0] for row in g.property_keys()]

try:
    g.query("MATCH (n RETURN n")
except redis.ResponseError as e:
    out["syntax_error"] = str(e)

out["explain"] = str(g.explain("MATCH (n:Person) RETURN n.name"))
out["list"] = [k.decode() for k in g.list_keys()]
out["deleted"] = g.delete()
out["list_after"] = g.list_keys()
# Names and strings arrive as bytes where redis-py does not decode them (as against FalkorDB).
print(json.dumps(out, default=lambda o: o.decode() if isinstance(o, bytes) else str(o)))
