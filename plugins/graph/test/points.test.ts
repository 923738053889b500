// Points: point({latitude, longitude}) with FalkorDB's checks, 32-bit float coordinates, distance() in
// floats, .latitude/.longitude, stored as properties (and through DUMP/RESTORE), the verbose text.
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { query, rows } from "./helpers.js";

const s = useServer([], { flush: true });

it("point() and distance() answer as FalkorDB's float arithmetic does", async () => {
  expect(await rows(s.r, "g", "RETURN point({latitude: 32.0705767, longitude: 34.8185946}) AS p")).toEqual([
    ["point({latitude: 32.070576, longitude: 34.818596})"],
  ]);
  expect(await rows(s.r, "g", "WITH point({latitude: 32.0705767, longitude: 34.8185946}) AS p RETURN p.latitude, p.longitude, p.x")).toEqual([
    ["32.0705757141113", "34.8185958862305", null],
  ]);
  expect(await rows(s.r, "g", "RETURN distance(point({latitude: 32.0705767, longitude: 34.8185946}), point({latitude: 30, longitude: 35}))")).toEqual([
    ["231143.890625"],
  ]);
  expect(await rows(s.r, "g", "RETURN point(null), distance(null, point({latitude: 0, longitude: 0}))")).toEqual([[null, null]]);
  const err = (q: string) => errorOf(query(s.r, "g", q));
  expect(await err("RETURN point({latitude: 1})")).toBe("A point map should have 2 elements, latitude and longitude");
  expect(await err("RETURN point({latitude: 1, lon: 2})")).toBe("Did not find 'longitude' value in point map");
  expect(await err("RETURN point({latitude: 1, longitude: 'x'})")).toBe("'latitude' and 'longitude' values in point map were not both valid numerics");
  expect(await err("RETURN point({latitude: 91, longitude: 0})")).toBe("latitude should be within the -90 to 90 range");
  expect(await err("RETURN point({latitude: 0, longitude: -181})")).toBe("longitude should be within the -180 to 180 range");
  expect(await err("RETURN distance(1, 2)")).toBe("Type mismatch: expected Point or Null but was Integer");
});

it("points are properties: stored, compared, filtered by distance, kept by DUMP / RESTORE; not inside lists", async () => {
  await query(s.r, "g", "CREATE (:C {name: 'tlv', loc: point({latitude: 32.0853, longitude: 34.7818})}), (:C {name: 'jlm', loc: point({latitude: 31.7683, longitude: 35.2137})})");
  const near = "MATCH (c:C) WHERE distance(c.loc, point({latitude: 32.08, longitude: 34.78})) < 10000 RETURN c.name";
  expect(await rows(s.r, "g", near)).toEqual([["tlv"]]);
  expect(await rows(s.r, "g", "MATCH (c:C) WHERE c.loc = point({latitude: 31.7683, longitude: 35.2137}) RETURN c.name")).toEqual([["jlm"]]);
  expect(await s.r.restore("r", 0, (await s.r.dumpBuffer("g"))!)).toBe("OK");
  expect(await rows(s.r, "r", near)).toEqual([["tlv"]]);
  expect(await rows(s.r, "r", "MATCH (c:C {name: 'jlm'}) RETURN c.loc")).toEqual([["point({latitude: 31.768299, longitude: 35.213699})"]]);
  expect(await errorOf(query(s.r, "g", "CREATE (:C {locs: [point({latitude: 1, longitude: 2})]})"))).toBe(
    "Property values can only be of primitive types or arrays of primitive types",
  );
});
