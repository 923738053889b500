// The Rust SDK's raw bindings (sdk/rust/src/host_generated.rs), generated from abi.json by generate.ts
// like the AssemblyScript declarations: every public import as an `extern "C"` function of the wasm
// import module, the ABI version and the status codes. The crate's safe wrappers are written by hand.
import type { Abi, AbiFunction } from "./generate.js";

/** Wasm value types map one to one: pointers and lengths are i32 offsets, as in the ABI. */
const RUST_KEYWORDS = new Set(["type", "ref", "move", "fn", "let", "match", "loop", "mod", "use", "where"]);
const param = (name: string) => (RUST_KEYWORDS.has(name) ? `r#${name}` : name);
const docLines = (doc: string, indent: string) => `${indent}/// ${doc.replace(/\n/g, " ")}`;

export function rustBindings(abi: Abi, banner: string): string {
  const decl = (f: AbiFunction) =>
    `${docLines(f.doc, "    ")}\n    pub fn ${f.name}(${f.params.map(([n, t]) => `${param(n)}: ${t}`).join(", ")})${f.result ? ` -> ${f.result}` : ""};`;
  return `${banner}
pub const ABI_MAJOR: i32 = ${abi.version.major};
pub const ABI_MINOR: i32 = ${abi.version.minor};

${Object.entries(abi.status).map(([k, v]) => `pub const ${k}: i32 = ${v};`).join("\n")}

#[link(wasm_import_module = ${JSON.stringify(abi.importModule)})]
extern "C" {
${abi.imports.filter((f) => !f.internal).map(decl).join("\n")}
}
`;
}
