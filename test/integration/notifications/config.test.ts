// notify-keyspace-events parsed and printed back as Redis does (TEST_AGAINST=redis runs it on redis-server).
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";

const server = useServer();

const CASES: [string, string][] = [
  ["", ""], ["KEA", "AKE"], ["A", "A"], ["Ag", "A"], ["EA", "AE"], ["K", "K"], ["gKE", "gKE"],
  ["g$lshzxetd", "A"], ["$lshzxetdn", "$lshzxetdn"], ["AKEmn", "AKEm"], ["KEn", "nKE"], ["KEx", "xKE"],
  ["mEK", "KEm"], ["$$K", "$K"], ["KEd", "dKE"], ["KEt", "tKE"], ["n", "n"],
];

it("normalises the flags as CONFIG GET shows them", async () => {
  for (const [set, shown] of CASES) {
    await server.r.config("SET", "notify-keyspace-events", set);
    expect(await server.r.config("GET", "notify-keyspace-events")).toEqual(["notify-keyspace-events", shown]);
  }
});

it("refuses unknown letters and keeps the old value", async () => {
  await server.r.config("SET", "notify-keyspace-events", "KEg");
  for (const bad of ["a", "z1", "K E", " "]) {
    expect(await errorOf(server.r.config("SET", "notify-keyspace-events", bad))).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - Invalid event class character. Use 'Ag$lshzxeKEtmdn'.",
    );
  }
  expect(await server.r.config("GET", "notify-keyspace-events")).toEqual(["notify-keyspace-events", "gKE"]);
  await server.r.config("SET", "notify-keyspace-events", "");
});

it("publishes nothing without K or E, even with classes on", async () => {
  await server.r.config("SET", "notify-keyspace-events", "A");
  const sub = server.client();
  const seen: string[] = [];
  sub.on("pmessage", (_p: string, channel: string) => seen.push(channel));
  await sub.psubscribe("__key*__:*");
  await server.r.set("k", "v");
  await server.r.publish("__keyevent@0__:marker", "m");
  await new Promise((r) => setTimeout(r, 50));
  expect(seen).toEqual(["__keyevent@0__:marker"]);
  await server.r.config("SET", "notify-keyspace-events", "");
});
