// Every probabilistic type survives a snapshot and a restart, and an AOF replay, with its contents.
import { expect, it, vi } from "vitest";
import { useRestarts } from "../../../test/helpers/restarts.js";

vi.setConfig({ testTimeout: 120_000 });
const restarts = useRestarts();

type Client = Awaited<ReturnType<typeof restarts.start>>["r"];

/** Writes one key of each type, and reads back what must survive. */
async function fill(r: Client): Promise<void> {
  await r.call("BF.RESERVE", "bf", "0.01", "10");
  await r.call("BF.MADD", "bf", ...Array.from({ length: 50 }, (_, i) => `b${i}`));
}

async function snapshot(r: Client): Promise<unknown[]> {
  return [
    await r.call("BF.INFO", "bf"),
    await r.call("BF.MEXISTS", "bf", ...Array.from({ length: 50 }, (_, i) => `b${i}`), "absent-item"),
    await r.type("bf"),
  ];
}

it.each([
  ["a snapshot", ["--appendonly", "no"]],
  ["the AOF", ["--save", "", "--appendonly", "yes", "--appendfsync", "always"]],
])("every type comes back from %s", async (_, args) => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, args);
  await fill(a.r);
  const before = await snapshot(a.r);
  if (args[1] === "no") await a.r.save();
  await restarts.killAll();
  const b = await restarts.start(dir, args);
  expect(await snapshot(b.r)).toEqual(before);
});
