// Checks a compiled plugin against the ABI: it may import only ferrite.* functions (not internal ones)
// and env.memory, and must export what abi.json requires and, when it declares types, every type callback.
import { usesKeyFinder, type Manifest } from "../../host-api/manifest.js";
import { abi } from "../../host-api/generate.js";

export function moduleProblems(wasm: Uint8Array, manifest: Manifest): string[] {
  const module = new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>);
  const problems: string[] = [];
  const allowed = new Set(abi.imports.filter((f) => !f.internal).map((f) => f.name));
  for (const imp of WebAssembly.Module.imports(module)) {
    const isMemory = imp.module === abi.memory.module && imp.name === abi.memory.name && imp.kind === "memory";
    const isHostCall = imp.module === abi.importModule && imp.kind === "function" && allowed.has(imp.name);
    if (!isMemory && !isHostCall) {
      const hint = imp.module === "env" ? " (AssemblyScript adds env imports for Math.random, Date, console and trace: use the ferrite-sdk equivalents)" : "";
      problems.push(`the plugin imports ${imp.module}.${imp.name} (${imp.kind}), which the host does not provide${hint}`);
    }
  }
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  for (const f of abi.exports) {
    const needed = f.required || (manifest.types.length > 0 && f.name.startsWith("ferrite_type_")) || (f.name === "ferrite_function" && !!manifest.functions?.length)
      || (f.name === "ferrite_keys" && usesKeyFinder(manifest));
    if (needed && !exported.has(f.name))
      problems.push(`missing export ${f.name}${f.name.startsWith("ferrite_type_") ? " (declare it in assembly/types.ts: the manifest declares types)" : ""}`);
  }
  return problems;
}
