// Runs the fuel instrumentation in a short-lived child process, with a content-addressed cache beside
// the built plugins. Why: binaryen costs ~80 MB of resident memory once imported, for a step that runs
// once per plugin load; in a child that memory is returned the moment the child exits.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { InvalidWasmError } from "./binary-reader.js";

const WORKER = fileURLToPath(new URL("./instrument-worker.js", import.meta.url));
/** Bump when the instrumentation changes, so cached outputs of the old one are not reused. */
const INSTRUMENT_VERSION = 1;
/** Written only by this server, beside its own build output, so a cached module is as trusted as the code. */
const CACHE_DIR = fileURLToPath(new URL("../../../../../build/.instrument-cache/", import.meta.url));

export function instrumentInChild(wasm: Uint8Array): Buffer<ArrayBuffer> {
  const key = createHash("sha256").update(wasm).update(`v${INSTRUMENT_VERSION}`).digest("hex");
  const cached = `${CACHE_DIR}${key}.wasm`;
  if (existsSync(cached)) return readFileSync(cached);
  let out: Buffer<ArrayBuffer>;
  try {
    out = execFileSync(process.execPath, [WORKER], { input: wasm, maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "pipe"] });
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? "").trim();
    throw new InvalidWasmError(stderr || (e as Error).message);
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, cached); // atomic: a concurrent server never reads half a file
  return out;
}
