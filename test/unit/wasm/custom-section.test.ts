import { describe, expect, it } from "vitest";
import { appendCustomSection, readCustomSection } from "../../../host-api/custom-section.js";

// (module (func (export "f") (result i32) i32.const 42))
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
  0x03, 0x02, 0x01, 0x00,
  0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,
  0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b,
]);
const bytes = (s: string) => new TextEncoder().encode(s);

describe("custom sections", () => {
  it("returns null when the section is absent", () => {
    expect(readCustomSection(MODULE, "ferrite.manifest")).toBeNull();
  });

  it("round-trips a payload and keeps the module valid and runnable", async () => {
    const payload = bytes(JSON.stringify({ name: "x", commands: [] }));
    const wasm = appendCustomSection(MODULE, "ferrite.manifest", payload);
    expect(readCustomSection(wasm, "ferrite.manifest")).toEqual(payload);
    const module = await WebAssembly.compile(wasm);
    expect(WebAssembly.Module.customSections(module, "ferrite.manifest")[0].byteLength).toBe(payload.length);
    const { exports } = await WebAssembly.instantiate(module);
    expect((exports.f as () => number)()).toBe(42);
  });

  it("handles payloads whose size needs a multi-byte LEB128 and several sections", () => {
    const big = new Uint8Array(20_000).fill(7);
    const wasm = appendCustomSection(appendCustomSection(MODULE, "a", bytes("first")), "b", big);
    expect(readCustomSection(wasm, "a")).toEqual(bytes("first"));
    expect(Buffer.from(readCustomSection(wasm, "b")!).equals(Buffer.from(big))).toBe(true);
    expect(WebAssembly.validate(wasm)).toBe(true);
  });

  it("agrees with V8 on a section the engine itself reads", () => {
    const wasm = appendCustomSection(MODULE, "name-like", bytes("ü"));
    const viaV8 = WebAssembly.Module.customSections(new WebAssembly.Module(wasm), "name-like")[0];
    expect(readCustomSection(wasm, "name-like")).toEqual(new Uint8Array(viaV8));
  });

  it("rejects non-wasm and truncated input", () => {
    expect(() => readCustomSection(bytes("hello world"), "x")).toThrow(/magic/);
    const wasm = appendCustomSection(MODULE, "x", bytes("payload"));
    expect(() => readCustomSection(wasm.subarray(0, wasm.length - 3), "x")).toThrow(/past the end/);
  });
});
