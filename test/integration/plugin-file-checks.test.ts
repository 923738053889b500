// MODULE LOAD reads only a regular wasm file under plugin-max-file-size, without blocking the server:
// a device, a named pipe or a directory is refused at once with the reason after Redis's sentence, and
// a good plugin still loads, with a pipelined client's later commands run after the load's reply.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, useServer } from "../helpers/server.js";
import { useRawConnections } from "../helpers/raw-resp.js";
import { COUNTER_WASM, startFailure, useRestarts } from "../helpers/restarts.js";
import { watPlugin } from "../helpers/wat-plugin.js";
import { appendCustomSection } from "../../host-api/custom-section.js";
import { cachePath } from "../../runtime/src/plugin/wasm/instrument-process.js";

const server = useServer([], { kind: "ferrite" });
const raw = useRawConnections(() => server.port);
const REFUSED = "ERR Error loading the extension. Please check the server logs. Reason: ";
let files: string;

beforeAll(() => {
  files = join(server.target.dir, "files");
  mkdirSync(files);
});

async function refusal(path: string): Promise<string> {
  const error = await errorOf(server.r.call("module", "load", path));
  expect(error.startsWith(REFUSED)).toBe(true);
  return error.slice(REFUSED.length);
}

it("refuses /dev/zero at once, as not a regular file", async () => {
  expect(await refusal("/dev/zero")).toBe("not a regular file (a character device)");
  await server.target.waitForLog(/Module \/dev\/zero failed to load: not a regular file \(a character device\)/);
  expect(await server.r.ping()).toBe("PONG");
});

it("refuses a named pipe without waiting for a writer, and keeps serving other clients", async () => {
  const fifo = join(files, "plugin.fifo");
  execFileSync("mkfifo", [fifo]);
  const other = server.client();
  const [reason, pong] = await Promise.all([refusal(fifo), other.ping()]);
  expect(reason).toBe("not a regular file (a named pipe)");
  expect(pong).toBe("PONG");
  expect(await other.ping()).toBe("PONG");
});

it("refuses a directory", async () => {
  expect(await refusal(files)).toBe("not a regular file (a directory)");
});

it("refuses a missing file, naming why it could not be opened", async () => {
  expect(await refusal(join(files, "missing.wasm"))).toBe("cannot open the file: no such file or directory");
});

it("refuses a file over plugin-max-file-size, which CONFIG SET changes at run time", async () => {
  const size = readFileSync(COUNTER_WASM).length;
  expect(await server.r.config("GET", "plugin-max-file-size")).toEqual(["plugin-max-file-size", String(64 * 1024 * 1024)]);
  await server.r.config("SET", "plugin-max-file-size", "1kb");
  try {
    expect(await refusal(COUNTER_WASM)).toBe(`the file is ${size} bytes, more than plugin-max-file-size (1024)`);
  } finally {
    await server.r.config("SET", "plugin-max-file-size", "64mb");
  }
});

it("refuses a file that is not WebAssembly from its first bytes", async () => {
  const text = join(files, "notes.wasm");
  writeFileSync(text, "these are not the bytes you are looking for\n");
  expect(await refusal(text)).toBe("not a WebAssembly module (bad magic number)");
  const tiny = join(files, "tiny.wasm");
  writeFileSync(tiny, "\0asm");
  expect(await refusal(tiny)).toBe("the file is 4 bytes, too short for a WebAssembly module");
});

it("names the plugin that already owns a command", async () => {
  const spec = { id: 0, arity: 2, flags: [], acl_categories: [], first_key: 1, last_key: 1, step: 1 };
  const path = watPlugin(files, "clash.wasm", { name: "clash", commands: [{ name: "get", ...spec }] });
  expect(await refusal(path)).toBe("command 'get' of plugin 'clash' already exists, defined by plugin 'strings'");
  const core = watPlugin(files, "clash2.wasm", { name: "clash2", commands: [{ name: "ping", ...spec }] });
  expect(await refusal(core)).toBe("command 'ping' of plugin 'clash2' already exists, defined by the server");
});

it("loads a good plugin, and a pipelined client's next commands run after the load's reply, in order", async () => {
  const c = await raw();
  const replies = await c.pipeline(["MODULE", "LOAD", COUNTER_WASM], ["COUNTER.INCRBY", "n", "2"], ["COUNTER.GET", "n"], ["PING"]);
  expect(replies).toEqual(["+OK\r\n", ":2\r\n", ":2\r\n", "+PONG\r\n"]);
  expect(await refusal(COUNTER_WASM)).toBe("Module counter already loaded");
});

describe("a plugin the instrumentation cache has not seen", () => {
  // A copy of a plugin with a custom section of random bytes: its instrumentation runs in a child.
  let fresh: string;
  beforeAll(() => {
    const wasm = appendCustomSection(readFileSync(COUNTER_WASM), "test.nonce", randomBytes(16));
    fresh = join(files, "fresh-counter.wasm");
    writeFileSync(fresh, wasm);
    afterAll(() => rmSync(cachePath(wasm), { force: true }));
  });

  it("is instrumented in a child while the server serves other clients", async () => {
    await server.r.del("n");
    expect(await server.r.call("module", "unload", "counter")).toBe("OK");
    let loaded = false;
    const load = server.r.call("module", "load", fresh).then((reply) => ((loaded = true), reply));
    expect(await server.client().ping()).toBe("PONG");
    expect(loaded).toBe(false);
    expect(await load).toBe("OK");
    expect(await server.r.call("counter.incrby", "n", 3)).toBe(3);
  });
});

describe("--loadmodule at startup", () => {
  const restarts = useRestarts();

  it("applies the same checks: a named pipe stops the start with the reason, at once", async () => {
    const dir = restarts.newDir();
    const fifo = join(dir, "plugin.fifo");
    execFileSync("mkfifo", [fifo]);
    expect(await startFailure(restarts, dir, ["--loadmodule", fifo])).toMatch(/Module .*plugin\.fifo failed to load: not a regular file \(a named pipe\)/);
  });

  it("applies plugin-max-file-size", async () => {
    const dir = restarts.newDir();
    expect(await startFailure(restarts, dir, ["--plugin-max-file-size", "1kb", "--builtin-plugins", "no", "--loadmodule", COUNTER_WASM]))
      .toMatch(/more than plugin-max-file-size \(1024\)/);
  });
});
