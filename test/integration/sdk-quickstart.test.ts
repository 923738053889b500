// The SDK README's ten-minute path, as a newcomer types it: `ferrite-plugin new`, `ferrite-plugin build`,
// MODULE LOAD into a running server, call the command — then MODULE UNLOAD.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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
  expect(cli("build", "my-plugin", "--out", "hello.wasm")).toMatch(/built hello 0\.1\.0 \(1 commands\)/);
  expect(await server.r.call("module", "load", join(work, "hello.wasm"))).toBe("OK");
  expect(await server.r.call("hello.greet")).toBe("hello");
  expect(await server.r.call("HELLO.GREET", "world")).toBe("world");
  expect(await server.r.call("module", "unload", "hello")).toBe("OK");
  await expect(server.r.call("hello.greet")).rejects.toThrow("ERR unknown command 'hello.greet'");
}, 60_000);
