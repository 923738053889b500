// Map projections, `n {.name, x: expr, v, .*}`, over nodes, edges, maps and null, in the verbose form.
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { query, rows } from "./helpers.js";

const s = useServer([], { flush: true });

it("projects properties, computed entries, variables and .* in the order written", async () => {
  await query(s.r, "g", "CREATE (:P {name: 'a', age: 3})-[:R {w: 2}]->(:P {name: 'b'})");
  expect(await rows(s.r, "g", "MATCH (n:P {name: 'a'}) RETURN n {.name, .missing, x: n.age + 1}")).toEqual([
    ["{name: a, missing: NULL, x: 4}"],
  ]);
  expect(await rows(s.r, "g", "MATCH (n:P {name: 'a'}) WITH n, 7 AS v RETURN n {.*, v, name: 'z'} AS m")).toEqual([
    ["{name: z, age: 3, v: 7}"],
  ]);
  expect(await rows(s.r, "g", "MATCH ()-[r:R]->() RETURN r {.w, .*}")).toEqual([["{w: 2}"]]);
  expect(await rows(s.r, "g", "WITH {a: 1, b: 2} AS m RETURN m {.b, c: 3}, m {.*}")).toEqual([["{b: 2, c: 3}", "{a: 1, b: 2}"]]);
  expect(await rows(s.r, "g", "OPTIONAL MATCH (n:Nope) RETURN n {.name}")).toEqual([[null]]);
  expect(await rows(s.r, "g", "MATCH (n:P) RETURN n {.name} ORDER BY n.name")).toEqual([["{name: a}"], ["{name: b}"]]);
  expect(await errorOf(query(s.r, "g", "WITH 1 AS x RETURN x {.a}"))).toBe("Encountered unhandled type when trying to read map projection identifier");
  expect(await errorOf(query(s.r, "g", "RETURN y {.a}"))).toBe("'y' not defined");
});
