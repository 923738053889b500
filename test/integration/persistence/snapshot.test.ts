// Snapshots across a real restart of the server process on the same dir: every built-in type (and the
// counter fixture loaded with MODULE LOAD) comes back with its value and expiry; a snapshot whose
// plugin is missing, or whose bytes are damaged, stops the server from starting and names the cause.
import { copyFileSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { COUNTER_WASM, startFailure, useRestarts } from "../../helpers/restarts.js";
import { expectTtlsKept, observe, populate, ttls } from "../../helpers/every-type.js";

// Each test restarts servers several times: minutes, not seconds, on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000 });

const restarts = useRestarts();
const NO_RULES = ["--save", ""];

it("SAVE, kill -9, restart: every type comes back with its value and expiry", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, NO_RULES);
  await populate(a.r);
  await new Promise((r) => setTimeout(r, 5));
  const before = await observe(a.r);
  const ttlBefore = await ttls(a.r);
  expect(await a.r.save()).toBe("OK");
  expect(Number(await a.r.lastsave())).toBeGreaterThan(Date.now() / 1000 - 5);
  await restarts.killAll();

  const b = await restarts.start(dir, NO_RULES);
  expect(await observe(b.r)).toEqual(before);
  expectTtlsKept(ttlBefore, await ttls(b.r));
  expect(b.target.log()).toMatch(/Plugin 'counter' loaded again from .*counter\.wasm/);
  expect(b.target.log()).toMatch(/DB loaded from disk: [\d.]+ seconds/);
  expect(await b.r.info("persistence")).toMatch(/rdb_changes_since_last_save:0\r\n/);
});

it("BGSAVE and SHUTDOWN (save rules set) both leave a snapshot that loads", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, NO_RULES);
  await populate(a.r);
  await new Promise((r) => setTimeout(r, 5));
  const before = await observe(a.r);
  expect(await a.r.bgsave()).toBe("Background saving started");
  await a.target.waitForLog(/Background saving terminated with success/, 60_000);
  await restarts.killAll();

  const b = await restarts.start(dir, ["--save", "3600 1"]);
  expect(await observe(b.r)).toEqual(before);
  await b.r.set("after", "restart");
  await b.r.call("shutdown").catch(() => undefined);
  expect(await b.target.exited).toBe(0);
  await restarts.killAll();

  const c = await restarts.start(dir, NO_RULES);
  expect(await c.r.get("after")).toBe("restart");
  expect(await c.r.call("counter.get", "ctr")).toBe(42);
});

it("refuses to start when the plugin defining a stored type cannot be loaded, naming the type", async () => {
  const dir = restarts.newDir();
  const wasm = join(dir, "my-counter.wasm");
  copyFileSync(COUNTER_WASM, wasm);
  const a = await restarts.start(dir, NO_RULES);
  await a.r.call("module", "load", wasm);
  await a.r.call("counter.incrby", "ctr", 7);
  await a.r.set("plain", "string");
  await a.r.save();
  await restarts.killAll();
  rmSync(wasm);
  const snapshot = readFileSync(join(dir, "dump.fsnap"));

  const message = await startFailure(restarts, dir, NO_RULES);
  expect(message).toMatch(/server exited with 1/);
  expect(message).toMatch(/holds keys of type 'counter' defined by plugin 'counter', which could not be loaded again from .*my-counter\.wasm/);
  expect(readFileSync(join(dir, "dump.fsnap")).equals(snapshot)).toBe(true); // the file is left as it was

  // With the plugin back, the same file loads.
  copyFileSync(COUNTER_WASM, wasm);
  const b = await restarts.start(dir, NO_RULES);
  expect(await b.r.call("counter.get", "ctr")).toBe(7);
});

it("refuses a damaged snapshot (checksum) and a cut one (no END block)", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, NO_RULES);
  await a.r.set("k", "v".repeat(1000));
  await a.r.save();
  await restarts.killAll();
  const path = join(dir, "dump.fsnap");
  const good = readFileSync(path);

  const flipped = Buffer.from(good);
  flipped[flipped.length - 30] ^= 0xff;
  writeFileSync(path, flipped);
  expect(await startFailure(restarts, dir, NO_RULES)).toMatch(/corrupt snapshot .*checksum mismatch/);

  writeFileSync(path, good.subarray(0, good.length - 13));
  expect(await startFailure(restarts, dir, NO_RULES)).toMatch(/corrupt snapshot .*unexpected end of file/);

  writeFileSync(path, good);
  const b = await restarts.start(dir, NO_RULES);
  expect(await b.r.strlen("k")).toBe(1000);
});

it("rdbchecksum no and rdbcompression no still round-trip; SAVE leaves no temp file", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, [...NO_RULES, "--rdbchecksum", "no", "--rdbcompression", "no", "--dbfilename", "other.fsnap"]);
  await a.r.set("k", "x".repeat(5000));
  await a.r.save();
  expect(existsSync(join(dir, "other.fsnap"))).toBe(true);
  expect(readFileSync(join(dir, "other.fsnap")).includes(Buffer.from("x".repeat(5000)))).toBe(true); // not deflated
  await restarts.killAll();
  const b = await restarts.start(dir, [...NO_RULES, "--dbfilename", "other.fsnap"]);
  expect(await b.r.get("k")).toBe("x".repeat(5000));
});
