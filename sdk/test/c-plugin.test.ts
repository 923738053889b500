// A plugin written in C, built by the SDK (clang, lld, wasi-libc) and served by a real server: the
// handler convention, the build's errors, and ferrite_try/ferrite_throw (host API 1.5).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { buildPluginToFile } from "../build/build-plugin.js";
import { loadPluginProject } from "../build/plugin-project.js";
import { connectClient } from "../testing/index.js";
import { startTarget, type Target } from "../../test/helpers/target.js";
import { errorOf } from "../../test/helpers/server.js";

const spec = (name: string, arity: number) => JSON.stringify({ name, arity, flags: [], acl_categories: [], first_key: 0, last_key: 0, step: 0 });

const ECHO = `#include "ferrite-sdk.h"
void cmd_cdemo_echo(int32_t argc, const ferrite_arg *argv) {
  ferrite_reply_bulk(FERRITE_ARG_PTR(argv[1]), (int32_t)argv[1].len);
}
`;

/* Each throw abandons frames holding 4 KiB of stack: 10 000 of them are 40 MiB, far past the 64 KiB
 * stack, so they pass only if ferrite_try puts the stack pointer back every time. */
const TRY = `#include "ferrite-sdk.h"
static int depth;
static void deep(void *a, void *b) {
  char frame[4096];
  ferrite_random_fill(frame, sizeof frame); /* the host writes it: the frame cannot be optimized away */
  if (++depth % 3) deep(a, b);
  ferrite_throw();
}
void cmd_cdemo_try(int32_t argc, const ferrite_arg *argv) {
  int thrown = 0;
  for (int i = 0; i < 10000; i++) thrown += ferrite_try(deep, 0, 0);
  ferrite_reply_small_int(thrown);
}
`;

const STRAY = `#include "ferrite-sdk.h"
void cmd_cdemo_stray(int32_t argc, const ferrite_arg *argv) {
  ferrite_throw();
}
`;

const dirs: string[] = [];
function cPlugin(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "sdk-c-"));
  dirs.push(dir);
  mkdirSync(join(dir, "commands"));
  mkdirSync(join(dir, "c/commands"), { recursive: true });
  writeFileSync(join(dir, "plugin.json"), JSON.stringify({ name: "cdemo", version: "0.1.0", abi: "1.5", language: "c", types: [] }));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

let server: Target;
let r: Redis;
beforeAll(async () => {
  const dir = cPlugin({
    "commands/cdemo.echo.json": spec("cdemo.echo", 2),
    "commands/cdemo.try.json": spec("cdemo.try", 1),
    "commands/cdemo.stray.json": spec("cdemo.stray", 1),
    "c/commands/cdemo.echo.c": ECHO,
    "c/commands/cdemo.try.c": TRY,
    "c/commands/cdemo.stray.c": STRAY,
  });
  await buildPluginToFile(dir, join(dir, "cdemo.wasm"));
  server = await startTarget(["--loadmodule", join(dir, "cdemo.wasm")], "ferrite");
  r = connectClient(server.port);
}, 120_000);
afterAll(async () => {
  r?.disconnect();
  await server?.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("a plugin in C", () => {
  it("serves its commands through the generated dispatcher", async () => {
    expect(await r.call("cdemo.echo", "bytes\u0000in")).toBe("bytes\u0000in");
  });

  it("unwinds to ferrite_try with the stack pointer put back each time", async () => {
    expect(await r.call("cdemo.try")).toBe(10000);
    expect(await r.call("cdemo.echo", "still")).toBe("still");
  });

  it("fails the command when ferrite_throw has no ferrite_try to land in", async () => {
    expect(await errorOf(r.call("cdemo.stray"))).toBe("ERR plugin 'cdemo' aborted: unwind called outside protected_call");
    expect(await r.call("cdemo.echo", "after")).toBe("after");
  });

  it("names the handler a command lacks", () => {
    const dir = cPlugin({ "commands/cdemo.echo.json": spec("cdemo.echo", 2) });
    expect(() => loadPluginProject(dir)).toThrow(
      "command cdemo.echo has no handler: create c/commands/cdemo.echo.c defining void cmd_cdemo_echo(int32_t argc, const ferrite_arg *argv)",
    );
  });
});
