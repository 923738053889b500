// Child-process entry of instrument-process.ts: wasm in on stdin, instrumented wasm out on stdout, the
// reason on stderr with exit code 1 when the module is refused.
import { readFileSync } from "node:fs";
import { instrumentFuel } from "./instrument.js";

try {
  process.stdout.write(instrumentFuel(readFileSync(0)));
} catch (e) {
  process.stderr.write((e as Error).message);
  process.exitCode = 1;
}
