// A plugin's own state beyond its keys (ferrite_aux_save / ferrite_aux_load, host API 1.2) survives a
// restart through a snapshot and through an AOF's base, like Redis's module aux data.
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { ROOT } from "../../helpers/target.js";
import { useRestarts } from "../../helpers/restarts.js";

vi.setConfig({ testTimeout: 180_000 });

const NOTEBOOK = join(ROOT, "build/fixtures/notebook.wasm");
const restarts = useRestarts();
const NOTE = "state that belongs to no key \u0000\u00ff";

it("comes back from a snapshot, with the plugin that holds it loaded again", async () => {
  const dir = restarts.newDir();
  const a = await restarts.start(dir, ["--save", ""]);
  await a.r.call("MODULE", "LOAD", NOTEBOOK);
  await a.r.call("NOTEBOOK.WRITE", Buffer.from(NOTE, "latin1"));
  expect(await a.r.save()).toBe("OK");
  await restarts.killAll();

  const b = await restarts.start(dir, ["--save", ""]);
  expect(((await b.r.callBuffer("NOTEBOOK.READ")) as Buffer).toString("latin1")).toBe(NOTE);
});

it("comes back from a rewritten AOF base", async () => {
  const dir = restarts.newDir();
  const aof = ["--save", "", "--appendonly", "yes"];
  const a = await restarts.start(dir, aof);
  await a.r.call("MODULE", "LOAD", NOTEBOOK);
  await a.r.call("NOTEBOOK.WRITE", "in the base");
  await a.r.bgrewriteaof();
  for (let i = 0; i < 600 && /aof_rewrite_in_progress:1|aof_rewrite_scheduled:1/.test(await a.r.info("persistence")); i++)
    await new Promise((ok) => setTimeout(ok, 50));
  await restarts.killAll();

  const b = await restarts.start(dir, aof);
  expect(await b.r.call("NOTEBOOK.READ")).toBe("in the base");
});
