// SORT's ordering: numeric (strtod's rules), ALPHA, ASC/DESC, over lists, sets and sorted sets.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";

const s = useServer([], { flush: true });
const ERR_SCORE = "ERR One or more scores can't be converted into double";

describe("SORT numeric", () => {
  it("sorts a list by value, ascending or descending", async () => {
    await s.r.rpush("l", "3", "10", "-2.5", "1e1", "2");
    expect(await s.r.sort("l")).toEqual(["-2.5", "2", "3", "10", "1e1"]);
    expect(await s.r.sort("l", "DESC")).toEqual(["1e1", "10", "3", "2", "-2.5"]);
    expect(await s.r.sort("l", "desc", "asc")).toEqual(["-2.5", "2", "3", "10", "1e1"]);
  });

  it("breaks ties between equal numbers by their bytes", async () => {
    await s.r.rpush("l", "1.0", "1", "01", "1e0", "1");
    expect(await s.r.sort("l")).toEqual(["01", "1", "1", "1.0", "1e0"]);
    expect(await s.r.sort("l", "DESC")).toEqual(["1e0", "1.0", "1", "1", "01"]);
  });

  it("reads numbers as strtod does", async () => {
    await s.r.rpush("l", " 5", "0x10", "", "-inf", "inf", "+3", ".5", "0X1p-1", "\t7");
    expect(await s.r.sort("l")).toEqual(["-inf", "", ".5", "0X1p-1", "+3", " 5", "\t7", "0x10", "inf"]);
  });

  it("refuses what is not a whole number", async () => {
    for (const bad of ["abc", "5 ", "nan", "1e", "0x", " ", "1,5"]) {
      await s.r.del("l");
      await s.r.rpush("l", "1", bad);
      expect(await errorOf(s.r.sort("l")), bad).toBe(ERR_SCORE);
    }
  });

  it("sorts sets and sorted sets by their members' values", async () => {
    await s.r.sadd("s", "30", "4", "-1", "200");
    expect(await s.r.sort("s")).toEqual(["-1", "4", "30", "200"]);
    await s.r.zadd("z", 1, "30", 2, "4", 3, "-1");
    expect(await s.r.sort("z", "DESC")).toEqual(["30", "4", "-1"]);
  });
});

describe("SORT ALPHA", () => {
  it("sorts by bytes", async () => {
    await s.r.rpush("l", "b", "a", "B", "10", "9", "ab", "\xff");
    expect(await s.r.sort("l", "ALPHA")).toEqual(["10", "9", "B", "a", "ab", "b", "\xff"]);
    expect(await s.r.sort("l", "ALPHA", "DESC")).toEqual(["\xff", "b", "ab", "a", "B", "9", "10"]);
  });

  it("sorts set and sorted set members", async () => {
    await s.r.sadd("s", "pear", "apple", "fig");
    expect(await s.r.sort("s", "alpha")).toEqual(["apple", "fig", "pear"]);
    await s.r.zadd("z", 3, "apple", 1, "pear", 2, "fig");
    expect(await s.r.sort("z", "ALPHA", "DESC")).toEqual(["pear", "fig", "apple"]);
  });
});

describe("SORT BY nosort", () => {
  it("keeps a list's order, reversed by DESC", async () => {
    await s.r.rpush("l", "c", "a", "b");
    expect(await s.r.sort("l", "BY", "nosort")).toEqual(["c", "a", "b"]);
    expect(await s.r.sort("l", "BY", "nosort", "DESC")).toEqual(["b", "a", "c"]);
  });

  it("keeps a sorted set's score order, reversed by DESC", async () => {
    await s.r.zadd("z", 1, "c", 2, "a", 3, "b");
    expect(await s.r.sort("z", "BY", "nosort")).toEqual(["c", "a", "b"]);
    expect(await s.r.sort("z", "BY", "nosort", "DESC")).toEqual(["b", "a", "c"]);
  });

  it("does not convert the elements", async () => {
    await s.r.rpush("l", "x", "y");
    expect(await s.r.sort("l", "BY", "constant")).toEqual(["x", "y"]);
  });

  it("stays in force after a later BY with a pattern", async () => {
    await s.r.rpush("l", "2", "1");
    await s.r.mset("w_1", "9", "w_2", "1");
    expect(await s.r.sort("l", "BY", "nosort", "BY", "w_*")).toEqual(["2", "1"]);
  });
});

// Last in the file: redis-server never clears errno before its strtod, so after an ERANGE every numeric
// SORT on that server thread fails until some system call happens to reset it (Ferrite does not copy that).
describe("SORT numeric range", () => {
  it("refuses a number out of the double range", async () => {
    await s.r.rpush("l", "1", "1e400");
    expect(await errorOf(s.r.sort("l"))).toBe(ERR_SCORE);
  });
});
