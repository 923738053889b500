// BY and GET patterns: `*` takes the element, `->field` reads a hash field, `#` is the element itself;
// a missing key, a missing field or a key of another type finds nothing.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";

const s = useServer([], { flush: true });

async function fixture() {
  await s.r.rpush("ids", "1", "2", "3", "4");
  await s.r.mset("w_1", "40", "w_2", "10", "w_3", "30", "name_1", "one", "name_2", "two", "name_3", "three");
  await s.r.hset("obj_1", "rank", "2", "tag", "x");
  await s.r.hset("obj_2", "rank", "1");
  await s.r.hset("obj_3", "rank", "3", "tag", "z");
  await s.r.hset("obj_4", "rank", "-1", "tag", "y");
}

describe("SORT BY", () => {
  it("sorts by string keys, a missing one counting as 0", async () => {
    await fixture();
    expect(await s.r.sort("ids", "BY", "w_*")).toEqual(["4", "2", "3", "1"]);
    expect(await s.r.sort("ids", "BY", "w_*", "DESC")).toEqual(["1", "3", "2", "4"]);
  });

  it("sorts by hash fields", async () => {
    await fixture();
    expect(await s.r.sort("ids", "BY", "obj_*->rank")).toEqual(["4", "2", "1", "3"]);
    expect(await s.r.sort("ids", "BY", "obj_*->tag", "ALPHA")).toEqual(["2", "1", "4", "3"]);
  });

  it("counts a key of the wrong type as missing", async () => {
    await fixture();
    await s.r.set("w_4", "-5");
    expect(await s.r.sort("ids", "BY", "obj_*")).toEqual(["1", "2", "3", "4"]); // hashes, not strings
    expect(await s.r.sort("ids", "BY", "w_*->rank")).toEqual(["1", "2", "3", "4"]); // strings, not hashes
  });

  it("puts the elements BY finds nothing for first under ALPHA", async () => {
    await fixture();
    expect(await s.r.sort("ids", "BY", "name_*", "ALPHA")).toEqual(["4", "1", "3", "2"]);
    expect(await s.r.sort("ids", "BY", "name_*", "ALPHA", "DESC")).toEqual(["2", "3", "1", "4"]);
  });

  it("substitutes the first * only, and reads a key named with -> when no field follows", async () => {
    await s.r.rpush("ids", "a", "b");
    await s.r.mset("k_a_*", "2", "k_b_*", "1", "p_a->", "5", "p_b->", "3");
    expect(await s.r.sort("ids", "BY", "k_*_*")).toEqual(["b", "a"]);
    expect(await s.r.sort("ids", "BY", "p_*->")).toEqual(["b", "a"]);
  });

  it("fails when a BY value is not a number", async () => {
    await fixture();
    expect(await errorOf(s.r.sort("ids", "BY", "name_*"))).toBe("ERR One or more scores can't be converted into double");
  });
});

describe("SORT GET", () => {
  it("returns the values of each pattern, in order, nil for nothing found", async () => {
    await fixture();
    expect(await s.r.sort("ids", "BY", "w_*", "GET", "#", "GET", "name_*", "GET", "obj_*->tag")).toEqual([
      "4", null, "y",
      "2", "two", null,
      "3", "three", "z",
      "1", "one", "x",
    ]);
  });

  it("finds nothing with a pattern without *, or a key of the wrong type", async () => {
    await fixture();
    expect(await s.r.sort("ids", "LIMIT", "0", "2", "GET", "w_1", "GET", "obj_*", "GET", "name_*->x")).toEqual([
      null, null, null, null, null, null,
    ]);
  });

  it("works with BY nosort", async () => {
    await fixture();
    expect(await s.r.sort("ids", "BY", "nosort", "GET", "w_*", "DESC")).toEqual([null, "30", "10", "40"]);
  });

  it("works with SORT_RO", async () => {
    await fixture();
    expect(await s.r.sort_ro("ids", "BY", "obj_*->rank", "GET", "name_*", "LIMIT", "1", "2")).toEqual(["two", "one"]);
  });
});
