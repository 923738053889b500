// host-api/SPEC.md against what it describes: the host API version and every export of abi.json, and the
// wasm features the instrumenter accepts. A new host API version or feature fails here until the
// specification says what changed.
import binaryen from "binaryen";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { FEATURES } from "../../../runtime/src/plugin/wasm/instrument.js";
import { ROOT } from "../../helpers/target.js";

const spec = readFileSync(join(ROOT, "host-api/SPEC.md"), "utf8");
const abi = JSON.parse(readFileSync(join(ROOT, "host-api/abi.json"), "utf8")) as {
  version: { major: number; minor: number };
  exports: { name: string }[];
};

/** binaryen's feature flags as SPEC.md spells them (the WebAssembly proposals' names). */
const SPELLED: Record<string, string> = {
  MutableGlobals: "mutable-globals",
  NontrappingFPToInt: "nontrapping-float-to-int",
  SIMD128: "simd128",
  BulkMemory: "bulk-memory",
  BulkMemoryOpt: "bulk-memory-opt",
  SignExt: "sign-ext",
};

it("covers the current host API version", () => {
  expect(spec).toContain(`This specification covers **host API ${abi.version.major}.${abi.version.minor}**.`);
});

it("names every export the host may call", () => {
  const missing = abi.exports.map((e) => e.name).filter((name) => !spec.includes(`\`${name}`));
  expect(missing).toEqual([]);
});

it("lists exactly the wasm features the instrumenter accepts", () => {
  const enabled = Object.entries(binaryen.Features)
    .filter(([name, bit]) => typeof bit === "number" && bit !== 0 && name !== "All" && (FEATURES & bit) === bit)
    .map(([name]) => name);
  expect(enabled.sort()).toEqual(Object.keys(SPELLED).sort());
  const listed = spec.match(/with these features and no others: ([^.]+)\./)![1];
  expect(listed.match(/`[^`]+`/g)).toEqual(["`mvp`", ...Object.values(SPELLED).map((n) => `\`${n}\``)]);
});
