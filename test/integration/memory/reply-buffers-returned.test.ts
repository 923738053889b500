// A client that asks for large replies and reads none of them holds the server's memory only while it
// is connected: once it disconnects, the process's resident memory goes back near where it started, as
// redis-server's does (issue 11: Ferrite kept 1.6 GB after a 1 GB unread backlog, Redis 21 MB).
// Another client keeps the server busy meanwhile: an idle Ferrite got its memory back after ~10 s (V8's
// memory reducer), a busy one that allocates nothing per command (ADR 0013) kept it for good.
// Runs against redis-server too. RSS comes from /proc/<pid>/status; the bounds are generous.
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { multibulk } from "../../helpers/raw-resp.js";

const MB = 1024 * 1024;
const REPLIES = 256; // of 1 MiB each
const server = useServer();

async function rssOf(pid: number): Promise<number> {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;
}

/** Polls `rss` until `done` accepts it or `ms` pass; resolves with the last figure. */
async function rssUntil(pid: number, done: (rss: number) => boolean, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  let rss = await rssOf(pid);
  while (!done(rss) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    rss = await rssOf(pid);
  }
  return rss;
}

it("gives an unread reply backlog back to the OS once its client disconnects", async () => {
  const info = (await server.r.info("server")) as string;
  const pid = Number(/process_id:(\d+)/.exec(info)![1]);
  await server.r.set("big", Buffer.alloc(MB, "x"));
  const before = await rssOf(pid);

  const socket = connect(server.port, "127.0.0.1");
  socket.on("error", () => undefined);
  socket.pause(); // reads nothing: every reply stays in the server
  await new Promise((ok) => socket.once("connect", ok));
  socket.write(Buffer.concat(Array.from({ length: REPLIES }, () => multibulk("GET", "big"))));
  const backlog = await rssUntil(pid, (rss) => rss > before + (REPLIES * MB) / 2, 20_000);
  expect(backlog - before).toBeGreaterThan((REPLIES * MB) / 2);

  socket.destroy();
  let busy = true;
  const load = (async () => {
    const other = server.client();
    while (busy) await other.pipeline(Array.from({ length: 50 }, (_, i) => ["set", `k${i}`, "v"])).exec();
  })();
  const after = await rssUntil(pid, (rss) => rss < before + 64 * MB, 20_000);
  busy = false;
  await load;
  expect((after - before) / MB).toBeLessThan(64);
  expect(await server.r.strlen("big")).toBe(MB);
});
