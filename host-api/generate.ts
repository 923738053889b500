// Generates the runtime's import/export typings, the SDK's AssemblyScript declarations and the reference
// page from host-api/abi.json, so the ABI is written down exactly once. `--check` fails on drift.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rustBindings } from "./emit-rust.js";
import { manifestSchema } from "./manifest-schema.js";

type WasmType = "i32" | "i64" | "f64";
export interface AbiFunction {
  name: string;
  since: string;
  params: [string, WasmType][];
  result: WasmType | null;
  doc: string;
  required?: boolean;
  internal?: boolean;
}
export interface Abi {
  version: { major: number; minor: number };
  importModule: string;
  memory: { module: string; name: string; doc: string };
  conventions: string[];
  status: Record<string, number>;
  imports: AbiFunction[];
  exports: AbiFunction[];
  manifest: { section: string; doc: string };
  planned: { name: string; target: string; doc: string }[];
}

const here = dirname(fileURLToPath(import.meta.url));
// Works both from source (host-api/) and from dist/host-api/.
const root = existsSync(join(here, "abi.json")) ? join(here, "..") : join(here, "../..");
export const abi: Abi = JSON.parse(readFileSync(join(root, "host-api/abi.json"), "utf8"));

const tsType = (t: WasmType) => (t === "i64" ? "bigint" : "number");
const banner = "// GENERATED from host-api/abi.json by host-api/generate.ts — do not edit.\n";

function runtimeBindings(): string {
  const sig = (f: AbiFunction) =>
    `  ${f.name}(${f.params.map(([n, t]) => `${n}: ${tsType(t)}`).join(", ")}): ${f.result ? tsType(f.result) : "void"};`;
  return `${banner}
export const ABI_MAJOR = ${abi.version.major};
export const ABI_MINOR = ${abi.version.minor};
export const IMPORT_MODULE = ${JSON.stringify(abi.importModule)};
export const MEMORY_IMPORT = { module: ${JSON.stringify(abi.memory.module)}, name: ${JSON.stringify(abi.memory.name)} } as const;
export const MANIFEST_SECTION = ${JSON.stringify(abi.manifest.section)};

export const Status = {
${Object.entries(abi.status).map(([k, v]) => `  ${k}: ${v},`).join("\n")}
} as const;

/** Every host import of the ABI, keyed by name, with the minor version that introduced it. */
export const IMPORT_SINCE: Record<string, string> = {
${abi.imports.map((f) => `  ${f.name}: ${JSON.stringify(f.since)},`).join("\n")}
};

export interface HostImports {
${abi.imports.map(sig).join("\n")}
}

export interface PluginExports {
${abi.exports.map((f) => sig(f).replace(/^  (\w+)\(/, f.required ? "  $1(" : "  $1?(")).join("\n")}
}

export const REQUIRED_EXPORTS = [${abi.exports.filter((f) => f.required).map((f) => JSON.stringify(f.name)).join(", ")}] as const;
export const TYPE_EXPORTS = [${abi.exports.filter((f) => f.name.startsWith("ferrite_type_")).map((f) => JSON.stringify(f.name)).join(", ")}] as const;
export const EXPORT_NAMES = [${abi.exports.map((f) => JSON.stringify(f.name)).join(", ")}] as const;
`;
}

function sdkDeclarations(): string {
  const decl = (f: AbiFunction) =>
    `/** ${f.doc.replace(/\*\//g, "* /")} */\n// @ts-ignore: decorator\n@external(${JSON.stringify(abi.importModule)}, ${JSON.stringify(f.name)})\n` +
    `export declare function ${f.name}(${f.params.map(([n, t]) => `${n}: ${t}`).join(", ")}): ${f.result ?? "void"};`;
  return `${banner}
export const ABI_MAJOR: i32 = ${abi.version.major};
export const ABI_MINOR: i32 = ${abi.version.minor};

${Object.entries(abi.status).map(([k, v]) => `export const ${k}: i32 = ${v};`).join("\n")}

${abi.imports.filter((f) => !f.internal).map(decl).join("\n\n")}
`;
}

/**
 * C types of the ABI's wasm types. A parameter named like a pointer (`ptr`, `…_ptr`, `argv`) is a pointer,
 * const unless the host writes through it (`dst_ptr`, random_fill's `ptr`).
 */
function cType(name: string, t: WasmType, writes = false): string {
  if (t === "i32" && (name === "ptr" || name.endsWith("_ptr") || name === "argv")) return writes || name.startsWith("dst") ? "void *" : "const void *";
  return t === "i32" ? "int32_t " : t === "i64" ? "int64_t " : "double ";
}

function cDeclarations(): string {
  const params = (f: AbiFunction) => f.params.map(([n, t]) => `${cType(n, t, f.name === "random_fill")}${n}`).join(", ") || "void";
  const result = (f: AbiFunction) => (f.result ? cType("", f.result).trim() : "void");
  const imp = (f: AbiFunction) =>
    `/** ${f.doc.replace(/\*\//g, "* /")} */\n` +
    `__attribute__((import_module(${JSON.stringify(abi.importModule)}), import_name(${JSON.stringify(f.name)})))\n` +
    `${f.name === "unwind" ? "__attribute__((noreturn)) " : ""}${result(f)} ferrite_${f.name}(${params(f)});`;
  const exp = (f: AbiFunction) =>
    `/** ${f.doc.replace(/\*\//g, "* /")} */\n__attribute__((export_name(${JSON.stringify(f.name)}))) ${result(f)} ${f.name}(${params(f)});`;
  return `/* GENERATED from host-api/abi.json by host-api/generate.ts — do not edit. */
/* The Ferrite host API for plugins written in C (clang --target=wasm32-wasi): every import as a
 * ferrite_<name> function, every export a plugin may define, the status codes. */
#ifndef FERRITE_H
#define FERRITE_H
#include <stdint.h>

#define FERRITE_ABI_MAJOR ${abi.version.major}
#define FERRITE_ABI_MINOR ${abi.version.minor}

${Object.entries(abi.status).map(([k, v]) => `#define FERRITE_${k} (${v})`).join("\n")}

${abi.imports.filter((f) => !f.internal).map(imp).join("\n\n")}

${abi.exports.map(exp).join("\n\n")}

#endif
`;
}

function reference(): string {
  const row = (f: AbiFunction) =>
    `### \`${f.name}(${f.params.map(([n, t]) => `${n}: ${t}`).join(", ")})${f.result ? ` → ${f.result}` : ""}\`\n\n` +
    `Since ${f.since}${f.required === false ? " · optional" : f.required ? " · required" : ""}${f.internal ? " · internal" : ""}. ${f.doc}\n`;
  return `<!-- GENERATED from host-api/abi.json by host-api/generate.ts — do not edit. -->
# Ferrite host API ${abi.version.major}.${abi.version.minor} — reference

Imports live in the wasm module \`${abi.importModule}\`; linear memory is imported as \`${abi.memory.module}.${abi.memory.name}\`.
${abi.memory.doc}

## Conventions

${abi.conventions.map((c) => `- ${c}`).join("\n")}

Status codes: ${Object.entries(abi.status).map(([k, v]) => `\`${k}\` = ${v}`).join(", ")}.

## Imports (host functions a plugin may call)

${abi.imports.map(row).join("\n")}
## Exports (functions a plugin provides)

${abi.exports.map(row).join("\n")}
## Manifest

Custom section \`${abi.manifest.section}\`. ${abi.manifest.doc}

## Planned (reserved for later minor versions)

${abi.planned.map((p) => `- \`${p.name}\` (${p.target}): ${p.doc}`).join("\n")}
`;
}

export const outputs: Record<string, () => string> = {
  "runtime/src/plugin/abi.generated.ts": runtimeBindings,
  "sdk/assembly/host.generated.ts": sdkDeclarations,
  "sdk/rust/src/host_generated.rs": () => rustBindings(abi, banner),
  "host-api/REFERENCE.md": reference,
  "sdk/c/ferrite.h": cDeclarations,
  "host-api/manifest.schema.json": () => `${JSON.stringify(manifestSchema(), null, 2)}\n`,
};

/** Paths whose committed content differs from what abi.json generates. */
export function drift(): string[] {
  return Object.entries(outputs)
    .filter(([path, make]) => !existsSync(join(root, path)) || readFileSync(join(root, path), "utf8") !== make())
    .map(([path]) => path);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes("--check")) {
    const stale = drift();
    if (stale.length) {
      console.error(`host API bindings are stale, run \`make gen\`: ${stale.join(", ")}`);
      process.exit(1);
    }
  } else {
    for (const [path, make] of Object.entries(outputs)) writeFileSync(join(root, path), make());
  }
}
