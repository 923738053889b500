// The SDK README's ten-minute path, as a newcomer types it: `ferrite-plugin new`, `ferrite-plugin build`,
// MODULE LOAD into a running server, call the command — then MODULE UNLOAD. And the new plugin's own test,
// run where a plugin outside this repository runs it: with Ferrite installed as a package.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { ROOT } from "../helpers/target.js";
import { useServer } from "../helpers/server.js";

const server = useServer([], { kind: "ferrite" });
const work = mkdtempSync(join(tmpdir(), "quickstart-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, "dist/sdk/build/cli.js"), ...args], { cwd: work, encoding: "utf8" });

it("goes from nothing to a loaded plugin command", async () => {
  cli("new", "my-plugin", "--name", "hello");
  const { major, minor } = JSON.parse(readFileSync(join(ROOT, "host-api/abi.json"), "utf8")).version;
  expect(JSON.parse(readFileSync(join(work, "my-plugin/plugin.json"), "utf8")).abi).toBe(`${major}.${minor}`);
  expect(cli("build", "my-plugin", "--out", "hello.wasm")).toMatch(/built hello 0\.1\.0 \(1 commands\)/);
  expect(await server.r.call("module", "load", join(work, "hello.wasm"))).toBe("OK");
  expect(await server.r.call("hello.greet")).toBe("hello");
  expect(await server.r.call("HELLO.GREET", "world")).toBe("world");
  expect(await server.r.call("module", "unload", "hello")).toBe("OK");
  await expect(server.r.call("hello.greet")).rejects.toThrow("ERR unknown command 'hello.greet'");
}, 60_000);

it("runs the new plugin's own test outside the repository, through the SDK's test harness", () => {
  cli("new", "outside", "--name", "outside");
  // What `npm install <path to Ferrite>` and a vitest dependency give a plugin project.
  mkdirSync(join(work, "node_modules"));
  symlinkSync(ROOT, join(work, "node_modules", "ferrite"));
  symlinkSync(join(ROOT, "node_modules", "vitest"), join(work, "node_modules", "vitest"));
  const output = execFileSync(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run"], {
    cwd: join(work, "outside"), encoding: "utf8", env: { ...process.env, NO_COLOR: "1" },
  });
  expect(output).toMatch(/Tests\s+1 passed/);
}, 120_000);
