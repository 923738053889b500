// host-api/manifest.schema.json (generated from manifest.ts) against the validator the host runs: every
// manifest the build made passes both, and each kind of mistake a schema can express fails both.
import { Ajv } from "ajv";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../../runtime/src/plugin/loader.js";
import { validateManifest, type Manifest } from "../../../host-api/manifest.js";
import { ROOT } from "../../helpers/target.js";

const schema = JSON.parse(readFileSync(join(ROOT, "host-api/manifest.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);

/** Every plugin and fixture the build made (plugins, the SDK's examples in each language, test fixtures). */
function builtManifests(): [string, Manifest][] {
  return ["build/plugins", "build/fixtures"].flatMap((dir) =>
    readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(".wasm")).map((f) => [f, readManifest(readFileSync(join(ROOT, dir, f)))] as [string, Manifest]));
}

const base: Manifest = {
  name: "sample", version: "0.1.0", abi: "1.7", types: [{ name: "Sample-T", encver: 1, encodings: ["raw"] }],
  commands: [{ id: 0, name: "sample.get", arity: 2, flags: ["readonly"], acl_categories: ["@read"], first_key: 1, last_key: 1, step: 1 }],
  configs: [
    { name: "rate", type: "float", default: 0.01, min: 0, max: 1, exclusive: true },
    { name: "mode", type: "enum", default: "fast", values: ["fast", "safe"] },
    { name: "size", type: "memory", default: "4kb", min: 0, max: 1 << 30, flags: ["immutable"], aliases: ["bytes"] },
  ],
};

/** Mistakes a schema can express, each applied to `base`. */
const broken: [string, (m: Manifest) => void][] = [
  ["an upper-case name", (m) => { m.name = "Sample"; }],
  ["no commands", (m) => { delete (m as Partial<Manifest>).commands; }],
  ["an abi without a minor", (m) => { m.abi = "1"; }],
  ["a negative encver", (m) => { m.types[0].encver = -1; }],
  ["a type without encodings", (m) => { m.types[0].encodings = []; }],
  ["a type name with a space", (m) => { m.types[0].name = "my type"; }],
  ["arity 0", (m) => { m.commands[0].arity = 0; }],
  ["a command name with a space", (m) => { m.commands[0].name = "sample get"; }],
  ["a fractional first_key", (m) => { m.commands[0].first_key = 1.5; }],
  ["a config type the host does not know", (m) => { m.configs![0].type = "double" as never; }],
  ["an enum without values", (m) => { delete m.configs![1].values; }],
  ["values on a non-enum", (m) => { m.configs![2].values = ["a"]; }],
  ["a fractional bound on a memory config", (m) => { m.configs![2].max = 1.5; }],
  ["exclusive on a memory config", (m) => { m.configs![2].exclusive = true; }],
  ["an unknown config flag", (m) => { m.configs![2].flags = ["secret" as never]; }],
  ["a default that is an object", (m) => { m.configs![1].default = {} as never; }],
  ["a function name with a dash", (m) => { m.abi = "1.8"; m.functions = [{ name: "read-path", id: 0 }]; }],
  ["a function without an id", (m) => { m.abi = "1.8"; m.functions = [{ name: "read" } as never]; }],
];

describe("manifest.schema.json", () => {
  it("accepts every manifest the build made, as the host does", () => {
    const manifests = builtManifests();
    expect(manifests.length).toBeGreaterThan(20);
    for (const [file, m] of manifests) {
      expect(validateManifest(m), file).toEqual([]);
      expect(validate(m), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate(base)).toBe(true);
  });

  it.each(broken)("refuses %s, as the host does", (_, spoil) => {
    const m = structuredClone(base);
    spoil(m);
    expect(validateManifest(m)).not.toEqual([]);
    expect(validate(m)).toBe(false);
  });
});
