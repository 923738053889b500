// The ABI is written once (host-api/abi.json); the runtime bindings, SDK declarations and reference
// page must be exactly what it generates, and every declared import must be one the host provides.
import { describe, expect, it } from "vitest";
import { abi, drift } from "../../../host-api/generate.js";
import { IMPORT_SINCE, REQUIRED_EXPORTS } from "../../../runtime/src/plugin/abi.generated.js";
import { validateManifest, type Manifest } from "../../../host-api/manifest.js";

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
});
