// Blocking on keys (host API 1.1), through a fixture plugin that blocks on keys of any type: a write by
// another plugin (strings' SET) wakes it, clients are served in the order they blocked, a timeout
// answers null, and a client that disconnects while blocked leaves nothing behind.
import { expect, it } from "vitest";
import { join } from "node:path";
import { ROOT } from "../helpers/target.js";
import { sleep, useServer } from "../helpers/server.js";
import { RawConnection } from "../helpers/raw-resp.js";
import { blockedClients, untilBlocked } from "../helpers/blocking.js";

const server = useServer(["--loadmodule", join(ROOT, "build/fixtures/waiter.wasm")], { kind: "ferrite", flush: true });

it("answers at once when a key exists, with no context", async () => {
  await server.r.set("k", "v");
  expect(await server.r.call("waiter.take", "k", "0")).toEqual(["k", ""]);
});

it("wakes a blocked client when another plugin writes one of its keys", async () => {
  const a = server.client();
  const waiting = a.call("waiter.take", "k1", "k2", "0");
  await untilBlocked(server, 1);
  await server.r.set("k2", "v");
  expect(await waiting).toEqual(["k2", "first-run"]);
  expect(await server.r.exists("k2")).toBe(0);
  expect(await blockedClients(server)).toBe(0);
});

it("serves clients blocked on the same key in the order they blocked", async () => {
  const [a, b] = [server.client(), server.client()];
  const first = a.call("waiter.take", "q", "0");
  await untilBlocked(server, 1);
  const second = b.call("waiter.take", "q", "0");
  await untilBlocked(server, 2);
  await server.r.set("q", "1");
  expect(await first).toEqual(["q", "first-run"]);
  expect(await blockedClients(server)).toBe(1); // b ran again, found nothing, kept its place
  await server.r.set("q", "2");
  expect(await second).toEqual(["q", "first-run"]);
});

it("answers a null array on timeout, `_` in RESP3", async () => {
  expect(await server.client().call("waiter.take", "never", "50")).toBeNull();
  const raw = await RawConnection.open(server.port);
  await raw.send(["hello", "3"]);
  expect(await raw.send(["waiter.take", "never", "50"])).toBe("_\r\n");
  raw.close();
  expect(await blockedClients(server)).toBe(0);
});

it("runs what a client pipelined behind its blocking command once it is served", async () => {
  const raw = await RawConnection.open(server.port);
  const replies = raw.sendRaw("WAITER.TAKE p 0\r\nPING\r\n", (s) => s.endsWith("+PONG\r\n"));
  await untilBlocked(server, 1);
  await server.r.set("p", "x");
  expect(await replies).toBe("*2\r\n$1\r\np\r\n$9\r\nfirst-run\r\n+PONG\r\n");
  raw.close();
});

it("forgets a client that disconnects while blocked", async () => {
  const a = server.client();
  void a.call("waiter.take", "gone", "0").catch(() => {});
  await untilBlocked(server, 1);
  a.disconnect();
  await untilBlocked(server, 0);
  await server.r.set("gone", "v");
  expect(await server.r.get("gone")).toBe("v");
});

it("keeps a client blocked for a timeout longer than a Node timer can run (2^31 ms)", async () => {
  const a = server.client();
  const waiting = a.call("waiter.take", "far", String(3_000_000_000));
  await untilBlocked(server, 1);
  await sleep(50);
  expect(await blockedClients(server)).toBe(1);
  await server.r.set("far", "v");
  expect(await waiting).toEqual(["far", "first-run"]);
});
