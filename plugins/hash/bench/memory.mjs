// RSS of redis-server vs Ferrite for 1 M fields in one hash and for 100 k hashes of 10 fields.
// Usage (after `make build`): node plugins/hash/bench/memory.mjs   — prints one line per server and case.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";

const FERRITE = ["node", ["dist/runtime/src/main.js", "--bind", "127.0.0.1", "--dir"]];
const CASES = {
  "1M fields in one hash": async (r) => {
    for (let base = 0; base < 1_000_000; base += 100_000) {
      const p = r.pipeline();
      for (let i = base; i < base + 100_000; i += 100) {
        const args = [];
        for (let j = i; j < i + 100; j++) args.push(`field:${j}`, `value:${j}`);
        p.hset("big", ...args);
      }
      await p.exec();
    }
  },
  "100k hashes x 10 fields": async (r) => {
    for (let base = 0; base < 100_000; base += 10_000) {
      const p = r.pipeline();
      for (let i = base; i < base + 10_000; i++) {
        const args = [];
        for (let j = 0; j < 10; j++) args.push(`field:${j}`, `value:${i}:${j}`);
        p.hset(`hash:${i}`, ...args);
      }
      await p.exec();
    }
  },
};

const rssKiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]);

async function start(kind, port) {
  const child = kind === "redis"
    ? spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], { stdio: "ignore" })
    : spawn(FERRITE[0], [...FERRITE[1], mkdtempSync(join(tmpdir(), "ferrite-mem-")), "--port", String(port)], { stdio: "ignore" });
  const r = new Redis({ port, lazyConnect: true, retryStrategy: () => 100 });
  r.on("error", () => {}); // refused connections until the server listens
  for (let i = 0; i < 100; i++) {
    try { await r.connect(); await r.ping(); break; } catch { await new Promise((f) => setTimeout(f, 100)); }
  }
  return { child, r };
}

let port = 17800 + Math.floor(Math.random() * 100);
for (const [name, fill] of Object.entries(CASES)) {
  for (const kind of ["redis", "ferrite"]) {
    const { child, r } = await start(kind, port++);
    const before = rssKiB(child.pid);
    await fill(r);
    await new Promise((f) => setTimeout(f, 500));
    const after = rssKiB(child.pid);
    console.log(`${name.padEnd(24)} ${kind.padEnd(8)} RSS ${(after / 1024).toFixed(1)} MiB (empty ${(before / 1024).toFixed(1)} MiB, +${((after - before) / 1024).toFixed(1)} MiB)`);
    r.disconnect();
    child.kill();
  }
}
