// Hand-made plugin modules for load-time refusal tests: a minimal valid plugin in WAT, optionally with
// extra imports, and a manifest section of our choosing (e.g. an ABI major the host does not know).
import binaryen from "binaryen";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { appendCustomSection } from "../../host-api/custom-section.js";
import type { Manifest } from "../../host-api/manifest.js";

/** `arena`: the address ferrite_arena answers (a valid one by default). */
export function watPlugin(dir: string, file: string, manifest: Partial<Manifest>, extraImports = "", arena = 1024): string {
  const module = binaryen.parseText(`(module
    ${extraImports}
    (import "env" "memory" (memory 1))
    (func (export "ferrite_arena") (param i32) (result i32) (i32.const ${arena}))
    (func (export "ferrite_command") (param i32 i32 i32)))`);
  const wasm = module.emitBinary();
  module.dispose();
  const full: Manifest = { name: "handmade", version: "0.1.0", abi: "1.0", types: [], commands: [], ...manifest };
  const path = join(dir, file);
  writeFileSync(path, appendCustomSection(wasm, "ferrite.manifest", Buffer.from(JSON.stringify(full))));
  return path;
}
