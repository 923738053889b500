// The ABI is written once (host-api/abi.json); the runtime bindings, SDK declarations and reference
// page must be exactly what it generates, and every declared import must be one the host provides.
import { describe, expect, it } from "vitest";
import { abi, drift } from "../../../host-api/generate.js";
import { IMPORT_SINCE, REQUIRED_EXPORTS } from "../../../runtime/src/plugin/abi.generated.js";
import { validateManifest, type ConfigSpec, type Manifest } from "../../../host-api/manifest.js";

describe("host API definition", () => {
  it("generated files match host-api/abi.json (run `make gen` after editing it)", () => {
    expect(drift()).toEqual([]);
  });

  it("names every import once, with a since version no newer than the ABI", () => {
    const names = abi.imports.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of abi.imports) {
      const [major, minor] = f.since.split(".").map(Number);
      expect(major).toBe(abi.version.major);
      expect(minor).toBeLessThanOrEqual(abi.version.minor);
    }
    expect(Object.keys(IMPORT_SINCE)).toEqual(names);
    expect(REQUIRED_EXPORTS).toEqual(abi.exports.filter((f) => f.required).map((f) => f.name));
  });
});

describe("manifest validation", () => {
  const good: Manifest = {
    name: "demo", version: "1.0.0", abi: "1.0", types: [{ name: "demo", encver: 1, encodings: ["raw"] }],
    commands: [{ id: 0, name: "demo.get", arity: 2, flags: ["readonly"], acl_categories: ["@read"], first_key: 1, last_key: 1, step: 1 }],
  };

  it("accepts a well-formed manifest", () => {
    expect(validateManifest(good)).toEqual([]);
  });

  it("reports duplicate ids, bad arity and a malformed abi version", () => {
    const bad = {
      ...good, abi: "one",
      commands: [...good.commands, { ...good.commands[0], name: "demo.set", arity: 0 }],
    };
    const problems = validateManifest(bad).join("\n");
    expect(problems).toMatch(/abi must be/);
    expect(problems).toMatch(/arity must be a non-zero integer/);
    expect(problems).toMatch(/duplicate id 0/);
  });

  it("accepts declared configs on host API 1.4 and reports malformed ones", () => {
    const limit: ConfigSpec = { name: "limit", type: "integer", default: 10, min: 1, max: 100, aliases: ["max"] };
    expect(validateManifest({ ...good, abi: "1.4", configs: [limit] })).toEqual([]);
    const problems = validateManifest({
      ...good,
      abi: "1.3",
      configs: [
        limit,
        { name: "Max", type: "integer", default: 1 },
        { name: "mode", type: "enum", default: "a" },
        { name: "size", type: "double" as "integer", default: 1, min: 1.5, flags: ["secret" as "hidden"] },
      ],
    }).join("\n");
    expect(problems).toMatch(/configs need host API 1\.4/);
    expect(problems).toMatch(/configs\[1\] Max: name must match/);
    expect(problems).toMatch(/configs\[2\] mode: values \(lower-case words\) are required for an enum/);
    expect(problems).toMatch(/configs\[3\] size: type must be one of/);
    expect(problems).toMatch(/configs\[3\] size: min is an integer/);
    expect(problems).toMatch(/configs\[3\] size: flags must be among/);
    expect(validateManifest({ ...good, abi: "1.4", configs: [limit, { name: "max", type: "bool", default: true }] })).toEqual(["duplicate config name max"]);
  });

  it("accepts float configs on host API 1.7, with finite bounds, exclusive or not", () => {
    const rate: ConfigSpec = { name: "rate", type: "float", default: 0.01, min: 0, max: 1, exclusive: true };
    expect(validateManifest({ ...good, abi: "1.7", configs: [rate] })).toEqual([]);
    expect(validateManifest({ ...good, abi: "1.6", configs: [rate] })).toEqual(["float configs need host API 1.7: declare \"abi\": \"1.7\""]);
    const problems = validateManifest({
      ...good,
      abi: "1.7",
      configs: [{ ...rate, max: Number.POSITIVE_INFINITY }, { name: "n", type: "integer", default: 1, exclusive: true }],
    }).join("\n");
    expect(problems).toMatch(/configs\[0\] rate: max is .* a finite number for float ones/);
    expect(problems).toMatch(/configs\[1\] n: exclusive is a boolean, for float configs only/);
  });

  it("accepts functions on host API 1.8, named and with unique ids", () => {
    const functions = [{ name: "fields", id: 0 }, { name: "read_path", id: 1 }];
    expect(validateManifest({ ...good, abi: "1.8", functions })).toEqual([]);
    expect(validateManifest({ ...good, abi: "1.7", functions })).toEqual(["functions need host API 1.8: declare \"abi\": \"1.8\""]);
    const problems = validateManifest({ ...good, abi: "1.8", functions: [{ name: "Fields", id: 0 }, { name: "b", id: -1 }, { name: "c", id: 2 }, { name: "c", id: 2 }] }).join("\n");
    expect(problems).toMatch(/functions\[0\]: name must match/);
    expect(problems).toMatch(/functions\[1\] b: id must be a non-negative integer/);
    expect(problems).toMatch(/duplicate function c/);
  });

  it("accepts key_finder on host API 1.8 only", () => {
    const commands = [{ ...good.commands[0], key_finder: true }];
    expect(validateManifest({ ...good, abi: "1.8", commands })).toEqual([]);
    expect(validateManifest({ ...good, abi: "1.7", commands })).toEqual(["key_finder needs host API 1.8: declare \"abi\": \"1.8\""]);
    expect(validateManifest({ ...good, abi: "1.8", commands: [{ ...good.commands[0], key_finder: "yes" as never }] }).join()).toMatch(/key_finder must be a boolean/);
  });
});
