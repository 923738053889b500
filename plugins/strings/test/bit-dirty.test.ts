// SETBIT and BITFIELD count a change (INFO's rdb_changes_since_last_save, WATCH) only when they create
// or grow the string or change a bit, as Redis does (unit/bitops "SETBIT/BITFIELD only increase dirty
// when the value changed").
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { flush: true });

async function dirty(): Promise<number> {
  return Number(/rdb_changes_since_last_save:(\d+)/.exec(await s.r.info("persistence"))![1]);
}

/** How much `commands`, run in order, move the dirty counter. */
async function dirtied(...commands: (string | number)[][]): Promise<number> {
  const before = await dirty();
  for (const [name, ...args] of commands) await s.r.call(String(name), ...args.map(String));
  return (await dirty()) - before;
}

it("creating the key counts, rewriting what is there does not", async () => {
  expect(await dirtied(["setbit", "foo", 0, 0], ["bitfield", "foo2", "set", "i5", 0, 0])).toBe(2);
  expect(await dirtied(["setbit", "foo", 0, 0], ["bitfield", "foo2", "set", "i5", 0, 0])).toBe(0);
  expect(await dirtied(["bitfield", "foo2", "set", "i5", 0, 0, "incrby", "u8", 0, 0, "get", "u8", 0])).toBe(0);
});

it("a change counts, the same value again does not", async () => {
  await s.r.call("setbit", "foo", 0, "0");
  await s.r.call("bitfield", "foo2", "set", "i5", 0, "0");
  expect(await dirtied(["setbit", "foo", 0, 1], ["setbit", "foo", 0, 1], ["setbit", "foo", 0, 0], ["setbit", "foo", 0, 0])).toBe(2);
  expect(await dirtied(["bitfield", "foo2", "set", "i5", 0, 1], ["bitfield", "foo2", "set", "i5", 0, 1])).toBe(1);
  expect(await dirtied(["bitfield", "foo2", "set", "i5", 0, 0], ["bitfield", "foo2", "set", "i5", 0, 0])).toBe(1);
  // The first operation rewrites the field, the second changes it.
  expect(await dirtied(["bitfield", "foo2", "set", "i5", 0, 0, "set", "i5", 0, 3])).toBe(1);
  expect(await dirtied(["bitfield", "foo3", "incrby", "i5", 0, 1], ["bitfield", "foo3", "incrby", "i5", 0, 1])).toBe(2);
});

it("growing the string counts even when the bits written are zero", async () => {
  await s.r.call("setbit", "foo", 0, "1");
  await s.r.call("bitfield", "foo2", "set", "i5", 0, "1");
  expect(await dirtied(["setbit", "foo", 90, 0], ["bitfield", "foo2", "set", "i5", 90, 0])).toBe(2);
});

it("a SETBIT that changes nothing leaves a WATCH alone", async () => {
  await s.r.call("setbit", "w", 3, "1");
  const c = s.client();
  await c.watch("w");
  await s.r.call("setbit", "w", 3, "1");
  await s.r.call("bitfield", "w", "set", "u4", 0, "1");
  expect(await c.multi().get("w").exec()).toEqual([[null, "\x10"]]);
});
