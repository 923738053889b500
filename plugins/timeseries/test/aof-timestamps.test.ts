// TS.ADD and TS.MADD with `*`, and TS.INCRBY/TS.DECRBY without TIMESTAMP, reach the AOF with the timestamp
// they used (host API 1.7 replicate), at top level, inside MULTI/EXEC and inside a script (logged as its
// effects): a replay after a restart, seconds later, finds the same samples.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { useRestarts } from "../../../test/helpers/restarts.js";
import { sleep } from "../../../test/helpers/server.js";

vi.setConfig({ testTimeout: 120_000 });

const restarts = useRestarts();
const AOF = ["--save", "", "--appendonly", "yes", "--appendfsync", "always"];
const KEYS = ["added", "madded", "counted", "scripted", "queued"];

it("replays TS.ADD *, TS.MADD *, TS.INCRBY/DECRBY and a script's TS.ADD * to the samples first added", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, AOF);
  const r = a.r;
  await r.call("TS.ADD", "added", "*", "1.5", "LABELS", "k", "*");
  await r.call("TS.CREATE", "madded");
  await r.call("TS.MADD", "madded", "*", "2", "added", "*", "3");
  await r.call("TS.INCRBY", "counted", "5");
  await sleep(5);
  await r.call("TS.DECRBY", "counted", "2", "LABELS", "k", "v");
  await r.eval("return redis.call('TS.ADD', KEYS[1], '*', 7)", 1, "scripted");
  await r.eval("redis.call('TS.ADD', KEYS[1], '*', 8); return redis.call('SET', KEYS[2], 'x')", 2, "scripted", "plain");
  await r.multi().call("TS.ADD", "queued", "*", "9").call("TS.INCRBY", "queued", "1").exec();
  const range = async (rr: typeof r) => Promise.all(KEYS.map((k) => rr.call("TS.RANGE", k, "-", "+")));
  const before = await range(r);
  expect((before[0] as unknown[]).length).toBe(2);
  await restarts.killAll();
  await sleep(20); // the replay runs at another time than the commands did

  const b = await restarts.start(dir, AOF);
  expect(await range(b.r)).toEqual(before);
  expect(await b.r.call("TS.QUERYINDEX", "k=*")).toEqual(["added"]);
  expect(await b.r.get("plain")).toBe("x");
  const log = readFileSync(join(dir, "appendonlydir/appendonly.aof.1.incr.aof"), "latin1");
  expect(log).not.toMatch(/\r\nTS\.ADD\r\n\$\d+\r\n\w+\r\n\$1\r\n\*\r\n/i); // no `*` timestamp logged
  expect(log).not.toMatch(/eval/i); // a script is logged as its effects
});
