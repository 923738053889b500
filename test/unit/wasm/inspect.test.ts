import { describe, expect, it } from "vitest";
import { checkImports, inspectModule } from "../../../runtime/src/plugin/wasm/inspect.js";
import { InvalidWasmError } from "../../../runtime/src/plugin/wasm/binary-reader.js";
import { wat } from "./wat.js";

const HOST_API = new Set(["reply_ok", "key_find", "fuel"]);

const plugin = wat(`(module
  (import "ferrite" "reply_ok" (func $ok))
  (import "ferrite" "key_find" (func $find (param i32 i32 i32) (result f64)))
  (import "env" "memory" (memory 3 400))
  (global $g (mut i32) (i32.const 0))
  (func (export "ferrite_command") (param i32 i32 i32) (result i32) (call $ok) (i32.const 0))
  (export "answer" (global $g))
  (export "memory" (memory 0)))`);

describe("inspectModule", () => {
  it("reports imports with kinds, memory limits and exports", () => {
    const info = inspectModule(plugin);
    // binaryen groups imports by kind when it writes the module: compare them in name order.
    const byName = [...info.imports].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName).toEqual([
      { module: "ferrite", name: "key_find", kind: "function" },
      { module: "env", name: "memory", kind: "memory", memory: { initial: 3, maximum: 400, shared: false, index64: false } },
      { module: "ferrite", name: "reply_ok", kind: "function" },
    ]);
    expect(info.exports).toEqual([
      { name: "ferrite_command", kind: "function" },
      { name: "answer", kind: "global" },
      { name: "memory", kind: "memory" },
    ]);
    expect(info.definedMemories).toBe(0);
  });

  it("reads a memory without a maximum, and tables, globals and defined memories", () => {
    const info = inspectModule(wat(`(module
      (import "env" "memory" (memory 1))
      (import "env" "table" (table 2 funcref))
      (import "env" "g" (global i32)))`));
    expect(info.imports.map((i) => i.kind)).toEqual(["memory", "table", "global"]);
    expect(info.imports[0].memory).toEqual({ initial: 1, maximum: undefined, shared: false, index64: false });
    expect(inspectModule(wat(`(module (memory 2))`)).definedMemories).toBe(1);
  });

  it("refuses what is not a core wasm module, with the offending byte", () => {
    expect(() => inspectModule(new TextEncoder().encode("hello world"))).toThrow(/bad magic number/);
    expect(() => inspectModule(new Uint8Array([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]))).toThrow(/components are not supported/);
    expect(() => inspectModule(plugin.subarray(0, 30))).toThrow(InvalidWasmError);
    expect(() => inspectModule(plugin.subarray(0, 30))).toThrow(/at byte \d+/);
  });
});

describe("checkImports", () => {
  it("accepts host API functions and the memory env.memory", () => {
    expect(checkImports(inspectModule(plugin), HOST_API)).toEqual([]);
  });

  it("names every import outside the host API, and a missing or private memory", () => {
    const info = inspectModule(wat(`(module
      (import "env" "seed" (func))
      (import "ferrite" "reply_bulk" (func))
      (import "ferrite" "reply_ok" (global i32))
      (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
      (memory 1))`));
    expect(checkImports(info, HOST_API).sort()).toEqual([
      "imports env.seed, which is not part of the host API",
      "imports ferrite.reply_bulk, which is not part of the host API",
      "imports the global ferrite.reply_ok; a plugin may import only host API functions (ferrite.*) and the memory env.memory",
      "imports wasi_snapshot_preview1.fd_write, which is not part of the host API",
    ].concat([
      "defines its own memory; it must import env.memory so the host can cap it (AssemblyScript: --importMemory)",
    ]).sort());
    expect(checkImports(inspectModule(wat(`(module)`)), HOST_API)).toEqual([
      "does not import its memory as env.memory (AssemblyScript: --importMemory)",
    ]);
  });

  it("refuses a shared memory", () => {
    const info = inspectModule(wat(`(module (import "env" "memory" (memory 1 2 shared)))`));
    expect(info.imports[0].memory).toMatchObject({ initial: 1, maximum: 2, shared: true });
    expect(checkImports(info, HOST_API)).toEqual(["imports env.memory as a shared memory; plugins get an unshared one"]);
  });
});
