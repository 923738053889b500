// Reads what a module imports and exports straight from its import/export sections, without compiling
// it: the loader refuses a plugin that reaches for anything beyond the host API before any of its code
// exists in this process, and sizes the memory it creates from the declared limits.
import { IMPORT_MODULE, MEMORY_IMPORT } from "../abi.generated.js";
import { BinaryReader, InvalidWasmError } from "./binary-reader.js";

export type ExternalKind = "function" | "table" | "memory" | "global" | "tag";

export interface MemoryLimits {
  /** In 64 KiB pages. */
  initial: number;
  maximum?: number;
  shared: boolean;
  index64: boolean;
}

export interface ModuleImport {
  module: string;
  name: string;
  kind: ExternalKind;
  /** Present for a memory import. */
  memory?: MemoryLimits;
}

export interface ModuleExport {
  name: string;
  kind: ExternalKind;
}

export interface ModuleInfo {
  imports: ModuleImport[];
  exports: ModuleExport[];
  /** Memories the module declares itself rather than importing. */
  definedMemories: number;
}

const KINDS: readonly ExternalKind[] = ["function", "table", "memory", "global", "tag"];
const Section = { import: 2, memory: 5, export: 7 } as const;
const LimitFlag = { hasMaximum: 1, shared: 2, index64: 4 } as const;
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const CORE_VERSION = [0x01, 0x00, 0x00, 0x00];

/** Bytes `checkWasmHeader` needs: the magic number and the version. */
export const WASM_HEADER_BYTES = 8;

/** Refuses anything but a core wasm module from its first bytes, before the rest of the file is read. */
export function checkWasmHeader(bytes: Uint8Array): void {
  readHeader(new BinaryReader(bytes));
}

function readHeader(r: BinaryReader): void {
  if (WASM_MAGIC.some((b) => r.byte() !== b)) throw new InvalidWasmError("not a WebAssembly module (bad magic number)");
  const version = [r.byte(), r.byte(), r.byte(), r.byte()];
  if (version.some((b, i) => b !== CORE_VERSION[i]))
    throw new InvalidWasmError(`not a core WebAssembly module (version bytes ${version.join(" ")}; components are not supported)`);
}

function readKind(r: BinaryReader): ExternalKind {
  const at = r.at;
  return KINDS[r.byte()] ?? r.fail("unknown external kind", at);
}

function readLimits(r: BinaryReader): MemoryLimits {
  const flags = r.byte();
  const initial = r.leb();
  const maximum = flags & LimitFlag.hasMaximum ? r.leb() : undefined;
  return { initial, maximum, shared: (flags & LimitFlag.shared) !== 0, index64: (flags & LimitFlag.index64) !== 0 };
}

function readValueType(r: BinaryReader): void {
  const type = r.byte();
  // (ref null? ht) from typed function references carries a heap type; everything else is one byte.
  if (type === 0x63 || type === 0x64) r.leb();
}

function readImport(r: BinaryReader): ModuleImport {
  const module = r.name();
  const name = r.name();
  const kind = readKind(r);
  switch (kind) {
    case "function":
      r.leb(); // type index
      return { module, name, kind };
    case "table":
      readValueType(r);
      readLimits(r);
      return { module, name, kind };
    case "memory":
      return { module, name, kind, memory: readLimits(r) };
    case "global":
      readValueType(r);
      r.byte(); // mutability
      return { module, name, kind };
    case "tag":
      r.byte(); // attribute
      r.leb(); // type index
      return { module, name, kind };
  }
}

function readVector<T>(r: BinaryReader, readItem: (r: BinaryReader) => T): T[] {
  const count = r.leb();
  const items: T[] = [];
  for (let i = 0; i < count; i++) items.push(readItem(r));
  return items;
}

function readExport(r: BinaryReader): ModuleExport {
  const name = r.name();
  const kind = readKind(r);
  r.leb(); // index
  return { name, kind };
}

export function inspectModule(wasm: Uint8Array): ModuleInfo {
  const r = new BinaryReader(wasm);
  readHeader(r);
  const info: ModuleInfo = { imports: [], exports: [], definedMemories: 0 };
  while (!r.done) {
    const sectionAt = r.at;
    const id = r.byte();
    const size = r.leb();
    const end = r.at + size;
    if (end > wasm.length) r.fail(`section ${id} runs past the end of the module`, sectionAt);
    if (id === Section.import) info.imports = readVector(r, readImport);
    else if (id === Section.export) info.exports = readVector(r, readExport);
    else if (id === Section.memory) info.definedMemories = readVector(r, readLimits).length;
    if ((id === Section.import || id === Section.export || id === Section.memory) && r.at !== end)
      r.fail(`section ${id} size does not match its contents`, sectionAt);
    r.at = end;
  }
  return info;
}

const memoryImportName = `${MEMORY_IMPORT.module}.${MEMORY_IMPORT.name}`;

function importProblem(entry: ModuleImport, allowedFunctionNames: Set<string>): string | null {
  const qualified = `${entry.module}.${entry.name}`;
  if (qualified === memoryImportName && entry.kind === "memory") {
    if (entry.memory!.shared) return `imports ${qualified} as a shared memory; plugins get an unshared one`;
    if (entry.memory!.index64) return `imports ${qualified} as a 64-bit memory, which this host does not support`;
    return null;
  }
  if (entry.kind !== "function")
    return `imports the ${entry.kind} ${qualified}; a plugin may import only host API functions (${IMPORT_MODULE}.*) and the memory ${memoryImportName}`;
  if (entry.module !== IMPORT_MODULE || !allowedFunctionNames.has(entry.name))
    return `imports ${qualified}, which is not part of the host API`;
  return null;
}

/** Human-readable reasons to refuse the module, empty when its imports are exactly what the host offers. */
export function checkImports(info: ModuleInfo, allowedFunctionNames: Set<string>): string[] {
  const problems: string[] = [];
  for (const entry of info.imports) {
    const problem = importProblem(entry, allowedFunctionNames);
    if (problem) problems.push(problem);
  }
  if (info.definedMemories > 0)
    problems.push(`defines its own memory; it must import ${memoryImportName} so the host can cap it (AssemblyScript: --importMemory)`);
  else if (!info.imports.some((i) => i.kind === "memory" && `${i.module}.${i.name}` === memoryImportName))
    problems.push(`does not import its memory as ${memoryImportName} (AssemblyScript: --importMemory)`);
  return problems;
}
