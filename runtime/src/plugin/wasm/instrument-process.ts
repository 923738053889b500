// Runs the fuel instrumentation in a short-lived child process, with a content-addressed cache beside
// the built plugins. Why: binaryen costs ~80 MB of resident memory once imported, for a step that runs
// once per plugin load; in a child that memory is returned the moment the child exits.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { InvalidWasmError } from "./binary-reader.js";
import { DIST_RUNTIME, INSTRUMENT_CACHE_DIR } from "../../paths.js";

const WORKER = join(DIST_RUNTIME, "plugin/wasm/instrument-worker.js");
/** Bump when the instrumentation changes, so cached outputs of the old one are not reused. */
const INSTRUMENT_VERSION = 4;

/** Written only by this server and its build, beside the build output, so a cached module is as trusted as the code. */
export function cachePath(wasm: Uint8Array): string {
  const key = createHash("sha256").update(wasm).update(`v${INSTRUMENT_VERSION}`).digest("hex");
  return join(INSTRUMENT_CACHE_DIR, `${key}.wasm`);
}

/** Store an instrumented module atomically: a concurrent server never reads half a file. */
export function storeCached(path: string, instrumented: Uint8Array): void {
  mkdirSync(INSTRUMENT_CACHE_DIR, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, instrumented);
  renameSync(tmp, path);
}

function workerFailure(stderr: string, fallback: string): InvalidWasmError {
  return new InvalidWasmError(stderr.trim() || fallback);
}

/** Startup's path (built-in plugins, --loadmodule, a restart's reload): the child is waited for. */
export function instrumentInChild(wasm: Uint8Array): Buffer<ArrayBuffer> {
  const cached = cachePath(wasm);
  if (existsSync(cached)) return readFileSync(cached);
  let out: Buffer<ArrayBuffer>;
  try {
    out = execFileSync(process.execPath, [WORKER], { input: wasm, maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "pipe"] });
  } catch (e) {
    throw workerFailure(String((e as { stderr?: Buffer }).stderr ?? ""), (e as Error).message);
  }
  storeCached(cached, out);
  return out;
}

/** MODULE LOAD's path: the same cache and child, awaited, so the event loop keeps serving meanwhile. */
export async function instrumentInChildAsync(wasm: Uint8Array): Promise<Buffer<ArrayBuffer>> {
  const cached = cachePath(wasm);
  const hit = await readFile(cached).catch(() => null);
  if (hit) return hit;
  const out = await runWorker(wasm);
  storeCached(cached, out);
  return out;
}

function runWorker(wasm: Uint8Array): Promise<Buffer<ArrayBuffer>> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [WORKER], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", fail);
    child.on("close", (code) => {
      if (code === 0) ok(Buffer.concat(out));
      else fail(workerFailure(Buffer.concat(err).toString(), `instrumentation exited with code ${code}`));
    });
    // A child that refuses the module may exit before reading all of it: its exit code tells why.
    child.stdin.on("error", () => {});
    child.stdin.end(wasm);
  });
}
