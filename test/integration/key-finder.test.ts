// Host API 1.8 key finder (ferrite_keys, key_position): SORT's keys at no fixed position (STORE dst
// anywhere after the options), as Redis's sortGetKeys finds them, side by side with redis-server:
// COMMAND GETKEYS and GETKEYSANDFLAGS (the suite's introspection-2 test), and an ACL user allowed the
// sorted key only, refused the STORE destination. SORT_RO's key is found the same way (sortROGetKeys):
// its key specs alone (one of them "unknown") could not answer.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../helpers/server.js";

const ferrite = useServer([], { kind: "ferrite" });
const redis = useServer([], { kind: "redis" });

const LINES = [
  ["sort", "k1", "store", "k2"],
  ["sort", "k1", "LIMIT", "0", "1", "BY", "store", "GET", "#", "STORE", "dst"],
  ["sort", "k1", "by", "w_*", "store", "a", "store", "b"],
  ["sort", "k1", "get", "store"],
  ["sort", "k1", "limit", "store", "x"],
  ["sort", "k1"],
  ["sort_ro", "k1", "by", "w_*"],
  ["sort_ro", "k1", "get", "#", "limit", "0", "2"],
];

describe("COMMAND GETKEYS and GETKEYSANDFLAGS of SORT", () => {
  for (const line of LINES) {
    it(line.join(" "), async () => {
      for (const sub of ["GETKEYS", "GETKEYSANDFLAGS"]) {
        const answer = (s: typeof ferrite) => s.r.call("COMMAND", sub, ...line).catch((e: Error) => e.message);
        expect(await answer(ferrite)).toEqual(await answer(redis));
      }
    });
  }

  it("answers the suite's case", async () => {
    expect(await ferrite.r.call("COMMAND", "GETKEYSANDFLAGS", "sort", "k1", "store", "k2")).toEqual([["k1", ["RO", "access"]], ["k2", ["OW", "update"]]]);
  });
});

it("checks SORT's STORE destination against the user's key patterns, as Redis does", async () => {
  for (const s of [ferrite, redis]) {
    await s.r.call("ACL", "SETUSER", "sorter", "on", "nopass", "+@all", "~k1");
    await s.r.rpush("k1", "3", "1", "2");
  }
  const replies = [];
  for (const s of [ferrite, redis]) {
    const c = s.client();
    await c.call("AUTH", "sorter", "x");
    replies.push([await c.sort("k1"), await errorOf(c.call("SORT", "k1", "STORE", "k2")), await c.call("SORT", "k1", "STORE", "k1")]);
  }
  expect([replies[0][0], replies[0][2]]).toEqual([replies[1][0], replies[1][2]]);
  // Redis 7.0.15 words the refusal as 7.0 did; 7.2's text is Ferrite's.
  expect(replies[1][1]).toMatch(/^NOPERM /);
  expect(replies[0][1]).toBe("NOPERM No permissions to access a key");
});
