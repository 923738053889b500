// `make plugins` / `make fixtures` step: instrument every built plugin once, in this one process, so
// the first server start (a test run starts many at once) finds them in the cache instead of each
// spawning a child per plugin. Usage: node dist/runtime/src/plugin/wasm/warm-cache.js file.wasm ...
import { existsSync, readFileSync } from "node:fs";
import { instrumentFuel } from "./instrument.js";
import { cachePath, storeCached } from "./instrument-process.js";

for (const file of process.argv.slice(2)) {
  const wasm = readFileSync(file);
  const cached = cachePath(wasm);
  if (!existsSync(cached)) storeCached(cached, instrumentFuel(wasm));
}
