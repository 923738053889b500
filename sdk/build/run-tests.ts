// `ferrite-plugin test`: a plugin's tests run with the vitest Ferrite itself is tested with, so a plugin
// folder needs nothing installed but Ferrite. vitest serves `import … from "vitest"` in the tests from its
// own installation; `ferrite/sdk/testing` comes from the Ferrite package the plugin's folder installed.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { BuildError } from "./build-error.js";

/** Runs `vitest run` in the plugin folder `dir`; resolves to its exit code. */
export function runPluginTests(dir: string, vitestArgs: string[]): Promise<number> {
  if (!existsSync(join(dir, "plugin.json"))) throw new BuildError(`${dir}: no plugin.json (is this a plugin folder?)`);
  let vitest: string;
  try {
    vitest = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
  } catch {
    throw new BuildError("vitest is not installed with Ferrite: run `make build` in Ferrite's folder (it installs its dev dependencies)");
  }
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [vitest, "run", ...vitestArgs], { cwd: resolve(dir), stdio: "inherit" });
    child.on("error", fail);
    child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
