// Every probabilistic type survives a snapshot and a restart, and an AOF replay, with its contents.
import { expect, it, vi } from "vitest";
import { useRestarts } from "../../../test/helpers/restarts.js";
import { fill, snapshot } from "./every-type.js";

vi.setConfig({ testTimeout: 120_000 });
const restarts = useRestarts();

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
