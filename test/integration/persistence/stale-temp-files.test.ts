// kill -9 during BGSAVE or BGREWRITEAOF leaves the snapshot writer's temp-<pid>-<n>.fsnap behind; the
// next start removes it (and a stale manifest .tmp), as Redis removes its temp files, and loads as usual.
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { useRestarts } from "../../helpers/restarts.js";

vi.setConfig({ testTimeout: 180_000 });

const restarts = useRestarts();
const KEYS = 50_000;
const temps = (dir: string) => readdirSync(dir).filter((n) => /^temp-\d+-\d+\.fsnap$/.test(n));

async function fill(r: import("ioredis").Redis): Promise<void> {
  for (let i = 0; i < KEYS; i += 5000) {
    const p = r.pipeline();
    for (let j = i; j < i + 5000; j++) p.set(`k${j}`, `v${j}`);
    await p.exec();
  }
}

it("removes the temp file of a BGSAVE killed midway, and keeps one a live process is writing", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, ["--save", ""]);
  await fill(a.r);
  const replies = await a.r.pipeline().bgsave().info("persistence").exec();
  expect(replies![1][1]).toMatch(/rdb_bgsave_in_progress:1/);
  await restarts.killAll();
  expect(temps(dir)).toHaveLength(1);
  // Another server sharing the dir (this test's own pid stands in for it) may be writing this one.
  const live = `temp-${process.pid}-1.fsnap`;
  writeFileSync(join(dir, live), "in progress");

  const b = await restarts.start(dir, ["--save", ""]);
  expect(temps(dir)).toEqual([live]);
  expect(await b.r.dbsize()).toBe(0); // the killed BGSAVE never became the snapshot
  await b.target.waitForLog(/Removed the stale temp file .*temp-\d+-\d+\.fsnap/);
});

it("removes the temp base of a BGREWRITEAOF killed midway and a stale manifest .tmp; the AOF loads whole", async () => {
  const dir = restarts.newDir();
  const aofDir = join(dir, "appendonlydir");
  const a = await restarts.start(dir, ["--save", "", "--appendonly", "yes"]);
  await fill(a.r);
  const replies = await a.r.pipeline().bgrewriteaof().info("persistence").exec();
  expect(replies![1][1]).toMatch(/aof_rewrite_in_progress:1/);
  await restarts.killAll();
  expect(temps(aofDir)).toHaveLength(1);
  writeFileSync(join(aofDir, "appendonly.aof.manifest.tmp"), "file half-written");

  const b = await restarts.start(dir, ["--save", "", "--appendonly", "yes"]);
  expect(temps(aofDir)).toEqual([]);
  expect(readdirSync(aofDir)).not.toContain("appendonly.aof.manifest.tmp");
  expect(await b.r.dbsize()).toBe(KEYS);
});
