// kill -9 during a write load from real clients (strings, hashes, lists), then a restart on the same dir:
// with appendfsync always every acknowledged write is back; with everysec at most about a second of
// them may be missing; a BGREWRITEAOF in the middle of the load loses nothing.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { useRestarts } from "../../helpers/restarts.js";
import { missing, writeLoad } from "../../helpers/write-load.js";
import { sleep } from "../../helpers/server.js";

// Each test restarts servers several times: minutes, not seconds, on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000 });

const restarts = useRestarts();
const CLIENTS = 4;
/** Acknowledged writes before the kill: counted rather than timed, so a busy machine still gets a real load. */
const ACKS = 300;

async function acks(acked: { times: number[] }, n: number): Promise<void> {
  for (let i = 0; i < 600 && acked.times.length < n; i++) await sleep(50);
}

async function crashUnderLoad(fsync: string, during?: (r: import("ioredis").Redis) => Promise<void>) {
  const dir = restarts.newDir();
  const args = ["--save", "", "--appendonly", "yes", "--appendfsync", fsync];
  const a = await restarts.start(dir, args);
  const load = writeLoad(Array.from({ length: CLIENTS }, () => a.client()));
  await acks(load.acked, ACKS / 2);
  if (during) await during(a.r);
  await acks(load.acked, ACKS);
  const killedAt = Date.now();
  await restarts.killAll(); // SIGKILL while the clients are still writing
  load.stop();
  const acked = await load.done;
  const b = await restarts.start(dir, args);
  return { dir, b, acked, killedAt, lost: await missing(b.r, acked) };
}

it("appendfsync always: every acknowledged write survives kill -9", async () => {
  const { acked, lost, b } = await crashUnderLoad("always");
  expect(acked.times.length).toBeGreaterThanOrEqual(ACKS);
  expect(lost).toEqual([]);
  expect(b.target.log()).toMatch(/DB loaded from append only file/);
});

it("appendfsync everysec: at most about one second of acknowledged writes is lost", async () => {
  const { acked, lost, killedAt } = await crashUnderLoad("everysec");
  expect(acked.times.length).toBeGreaterThanOrEqual(ACKS);
  const lastSecond = acked.times.filter((t) => t > killedAt - 1200).length;
  expect(lost.length).toBeLessThanOrEqual(lastSecond);
});

it("BGREWRITEAOF during the load loses nothing and leaves one base and one incr file", async () => {
  const { dir, acked, lost, b } = await crashUnderLoad("always", async (r) => {
    expect(await r.bgrewriteaof()).toBe("Background append only file rewriting started");
    // Let it finish, and keep writing after the switch.
    for (let i = 0; i < 3000 && (await r.info("persistence")).includes("aof_rewrite_in_progress:1"); i++) await sleep(20);
    expect(await r.info("persistence")).toMatch(/aof_last_bgrewrite_status:ok/);
  });
  expect(acked.times.length).toBeGreaterThanOrEqual(ACKS);
  expect(lost).toEqual([]);
  const aofDir = join(dir, "appendonlydir");
  const manifest = readFileSync(join(aofDir, "appendonly.aof.manifest"), "utf8");
  expect(manifest).toBe("file appendonly.aof.2.base.fsnap seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n");
  expect(readdirSync(aofDir).sort()).toEqual(["appendonly.aof.2.base.fsnap", "appendonly.aof.2.incr.aof", "appendonly.aof.manifest"]);
  expect(b.target.log()).toMatch(/Loading snapshot .*appendonly\.aof\.2\.base\.fsnap/);
});
