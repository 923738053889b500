// host-api/manifest.schema.json, generated (generate.ts) from manifest.ts's own names, patterns and
// bounds, so the schema REFERENCE.md names cannot drift from the validator the host and the build tool
// run. JSON Schema draft-07. What a schema cannot say (ids and names unique, a container's subcommands
// named after it, min ≤ max, the host API version a field needs) stays validateManifest's alone.
import { ABI_VERSION, COMMAND_NAME, CONFIG_FLAGS, CONFIG_NAME, CONFIG_TYPES, ENUM_VALUE, FUNCTION_NAME, MAX_CONFIGS, NAME, TYPE_NAME } from "./manifest.js";

/** JSON Schema's if/then/else. */
function when(condition: object, then: object, otherwise?: object): object {
  return { if: condition, then, ...(otherwise ? { else: otherwise } : {}) };
}

const strings = { type: "array", items: { type: "string" } };
const integer = { type: "integer" };

const command = {
  type: "object",
  required: ["name", "arity", "flags", "acl_categories", "first_key", "last_key", "step"],
  properties: {
    id: { type: "integer", minimum: 0, description: "Dispatch id passed to ferrite_command; absent on a container whose subcommands carry ids." },
    name: { type: "string", pattern: COMMAND_NAME.source, description: "Lower case; a subcommand is `container|sub`, as in Redis." },
    arity: { type: "integer", not: { const: 0 }, description: "Redis arity: n = exactly n arguments including the name, -n = at least n." },
    flags: strings,
    acl_categories: { ...strings, description: "With the leading `@`, e.g. `@string`." },
    first_key: integer,
    last_key: integer,
    step: integer,
    key_specs: { type: "array", items: { type: "object" }, description: "Redis key specs, as COMMAND INFO reports them." },
    key_finder: { type: "boolean", description: "Host API 1.8: the plugin's ferrite_keys finds this command's keys." },
    call_flags: { type: "boolean", description: "Host API 1.9: the plugin's ferrite_command_flags answers this command's write, denyoom and may_replicate per call." },
    tips: strings,
    doc: { type: "object", description: "COMMAND DOCS material, as Redis's JSON command files spell it." },
    subcommands: { type: "array", items: { $ref: "#/definitions/command" } },
  },
};

const valueType = {
  type: "object",
  required: ["name", "encver", "encodings"],
  properties: {
    name: { type: "string", pattern: TYPE_NAME.source, description: "What TYPE answers, unique across loaded plugins." },
    encver: { type: "integer", minimum: 0, description: "Serialization version written by ferrite_type_save and passed back to ferrite_type_load." },
    encodings: { ...strings, minItems: 1, description: "Names OBJECT ENCODING may answer, indexed by ferrite_type_encoding." },
  },
};

const config = {
  type: "object",
  required: ["name", "type", "default"],
  properties: {
    name: { type: "string", pattern: CONFIG_NAME.source },
    type: { enum: [...CONFIG_TYPES] },
    default: { type: ["string", "number", "boolean"], description: "As the config file would spell it." },
    min: { type: "number" },
    max: { type: "number" },
    exclusive: { type: "boolean", description: "A float's bounds are exclusive (host API 1.7)." },
    values: { type: "array", minItems: 1, items: { type: "string", pattern: ENUM_VALUE.source }, description: "The values of an enum, and only of an enum." },
    flags: { type: "array", items: { enum: [...CONFIG_FLAGS] } },
    aliases: { type: "array", items: { type: "string", pattern: CONFIG_NAME.source } },
  },
  allOf: [
    when({ properties: { type: { const: "enum" } } }, { required: ["values"] }, { not: { required: ["values"] } }),
    when({ properties: { type: { enum: ["integer", "memory"] } } }, { properties: { min: integer, max: integer } }),
    when({ properties: { type: { enum: ["bool", "enum", "string"] } } }, { not: { anyOf: [{ required: ["min"] }, { required: ["max"] }] } }),
    when({ not: { properties: { type: { const: "float" } } } }, { not: { required: ["exclusive"] } }),
  ],
};

const fn = {
  type: "object",
  required: ["name", "id"],
  properties: {
    name: { type: "string", pattern: FUNCTION_NAME.source, description: "What callers name in plugin_call." },
    id: { type: "integer", minimum: 0, description: "Dispatch id passed to ferrite_function." },
  },
};

export function manifestSchema(): object {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://ferrite.dev/host-api/manifest.schema.json",
    title: "Ferrite plugin manifest (the ferrite.manifest custom section)",
    type: "object",
    required: ["name", "version", "abi", "types", "commands"],
    properties: {
      name: { type: "string", pattern: NAME.source },
      version: { type: "string", description: "The plugin's own semver." },
      abi: { type: "string", pattern: ABI_VERSION.source, description: "Host API version it was built for, `major.minor`." },
      description: { type: "string" },
      types: { type: "array", items: { $ref: "#/definitions/type" } },
      commands: { type: "array", items: { $ref: "#/definitions/command" } },
      configs: { type: "array", maxItems: MAX_CONFIGS, items: { $ref: "#/definitions/config" }, description: "Host API 1.4." },
      functions: { type: "array", items: { $ref: "#/definitions/function" }, description: "Host API 1.8: functions other plugins call with plugin_call." },
    },
    definitions: { command, type: valueType, config, function: fn },
  };
}
