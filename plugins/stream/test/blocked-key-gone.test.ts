// A blocked XREADGROUP waits for its group, which dies with its key: deleting the key, giving it
// another type or flushing its database fails the waiting client with Redis's UNBLOCKED error at once.
// A blocked XREAD (and BLPOP) needs no group, so it waits on through all of that.
import { describe, expect, it } from "vitest";
import { errorOf, sleep, useServer } from "../../../test/helpers/server.js";
import { blocked, blockedClients } from "../../../test/helpers/blocking.js";

const s = useServer([], { flush: true });
const GONE = "UNBLOCKED the stream key no longer exists";

async function readerOfGroup(): Promise<{ reply: Promise<unknown> }> {
  await s.r.xadd("st", "666", "f", "v");
  await s.r.xgroup("CREATE", "st", "g", "$");
  return blocked(s, "XREADGROUP", "GROUP", "g", "Alice", "BLOCK", "0", "STREAMS", "st", ">");
}

describe("a blocked XREADGROUP whose key goes", () => {
  it("fails when the key is deleted", async () => {
    const w = await readerOfGroup();
    await s.r.del("st");
    expect(await errorOf(w.reply)).toBe(GONE);
  });

  it("fails when the key is overwritten by another type, alone or in a transaction", async () => {
    const w = await readerOfGroup();
    await s.r.set("st", "x");
    expect(await errorOf(w.reply)).toBe(GONE);
    await s.r.del("st");
    const again = await readerOfGroup();
    await s.r.multi().del("st").sadd("st", "e").exec();
    expect(await errorOf(again.reply)).toBe(GONE);
  });

  it("fails when its database is flushed", async () => {
    const w = await readerOfGroup();
    await s.r.flushall();
    expect(await errorOf(w.reply)).toBe(GONE);
    expect(await blockedClients(s)).toBe(0);
  });

  it("fails with NOGROUP when only its group is destroyed", async () => {
    const w = await readerOfGroup();
    await s.r.xgroup("DESTROY", "st", "g");
    expect(await errorOf(w.reply)).toMatch(/^NOGROUP /);
  });
});

describe("blocked clients that need no group wait on", () => {
  it("XREAD through a delete and a key of another type, then reads the new stream", async () => {
    const w = await blocked(s, "XREAD", "BLOCK", "0", "STREAMS", "st", "$");
    await s.r.multi().xadd("st", "*", "old", "x").del("st").lpush("st", "a").exec();
    await s.r.del("st");
    await sleep(20);
    expect(await blockedClients(s)).toBe(1);
    await s.r.xadd("st", "5-0", "new", "y");
    expect(await w.reply).toEqual([["st", [["5-0", ["new", "y"]]]]]);
  });

  it("BLPOP through a key of another type, a delete and a flush", async () => {
    const w = await blocked(s, "BLPOP", "l", "0");
    await s.r.set("l", "x");
    await s.r.del("l");
    await s.r.flushdb();
    await sleep(20);
    expect(await blockedClients(s)).toBe(1);
    await s.r.rpush("l", "a");
    expect(await w.reply).toEqual(["l", "a"]);
  });
});
