// Keyspace-event subscription through the host API (1.2): the eventlog fixture subscribes with
// event_subscribe and records what its ferrite_on_event receives, with the key's type as it reads it
// then. It must follow other plugins' writes, after they are made, whatever notify-keyspace-events says.
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../../helpers/target.js";
import { eventually, sleep, useServer } from "../../helpers/server.js";

const EVENTLOG = join(ROOT, "build/fixtures/eventlog.wasm");
const server = useServer(["--loadmodule", EVENTLOG], { kind: "ferrite", flush: true });

type Entry = [string, string, number, number, string];

async function events(): Promise<Entry[]> {
  const log = (await server.r.call("eventlog.get")) as Entry[];
  await server.r.call("eventlog.reset");
  return log;
}

it("sees the strings and hash plugins' writes, with their effects already in place", async () => {
  await server.r.call("eventlog.reset");
  expect(await server.r.config("GET", "notify-keyspace-events")).toEqual(["notify-keyspace-events", ""]);
  await server.r.set("s", "v");
  await server.r.hset("h", "f", "1");
  await server.r.hincrby("h", "f", 2);
  await server.r.hdel("h", "f");
  expect(await events()).toEqual([
    ["new", "s", 0, 16384, "string"],
    ["set", "s", 0, 8, "string"],
    ["new", "h", 0, 16384, "hash"],
    ["hset", "h", 0, 64, "hash"],
    ["hincrby", "h", 0, 64, "hash"],
    // Delivered after HDEL finished: the emptied hash is already gone when the subscriber looks.
    ["hdel", "h", 0, 64, ""],
    ["del", "h", 0, 4, ""],
  ]);
});

it("gets the events of the database they happened in, and the host's generic ones", async () => {
  await server.r.call("eventlog.reset");
  const db3 = server.client({ db: 3 });
  await db3.rpush("l", "a");
  await db3.rename("l", "l2");
  await db3.set("t", "v", "PX", 30);
  await sleep(80);
  await db3.get("t");
  expect(await events()).toEqual([
    ["new", "l", 3, 16384, "list"],
    ["rpush", "l", 3, 16, "list"],
    ["new", "l2", 3, 16384, "list"],
    ["rename_from", "l", 3, 4, ""],
    ["rename_to", "l2", 3, 4, "list"],
    ["new", "t", 3, 16384, "string"],
    ["set", "t", 3, 8, "string"],
    ["expire", "t", 3, 4, "string"],
    ["expired", "t", 3, 256, ""],
  ]);
});

it("subscribes to the classes it asks for, and stops when unloaded", async () => {
  await server.r.call("module", "unload", "eventlog");
  await server.r.call("module", "load", EVENTLOG, String(1 << 6)); // NOTIFY_HASH only
  await server.r.set("s2", "v");
  await server.r.hset("h2", "f", "v");
  expect(await events()).toEqual([["hset", "h2", 0, 64, "hash"]]);
  await server.r.call("module", "unload", "eventlog");
  await server.r.call("module", "load", EVENTLOG);
});

it("delivers to pub/sub by notify-keyspace-events and to plugins by their subscription, independently", async () => {
  await server.r.call("eventlog.reset");
  await server.r.config("SET", "notify-keyspace-events", "KEA");
  const sub = server.client();
  const seen: string[] = [];
  sub.on("pmessage", (_p: string, channel: string, message: string) => seen.push(`${channel} ${message}`));
  await sub.psubscribe("__keyevent@0__:*");
  await server.r.lpush("q", "x");
  await server.r.lpop("q");
  // The messages come on the subscriber's own connection, not necessarily before lpop's reply is read.
  await eventually(async () => seen.length, 3);
  expect(seen).toEqual(["__keyevent@0__:lpush q", "__keyevent@0__:lpop q", "__keyevent@0__:del q"]);
  expect((await events()).map(([e]) => e)).toEqual(["new", "lpush", "lpop", "del"]);
  await server.r.config("SET", "notify-keyspace-events", "");
});
