// Plugins' declared configs (host API 1.4) as server configs: named, added to the Config with their
// startup directives and MODULE LOADEX values applied, mirrored into each plugin's config block when
// they change, and removed when the plugin is unloaded. A string config's text is read by its plugin
// (config_string) and may be checked by it (ferrite_config_check), host API 1.9.
import type { ConfigSpec, Manifest } from "../../../host-api/manifest.js";
import type { Config } from "../config/config.js";
import type { ConfigDef, ConfigKind } from "../config/config-def.js";
import { parseConfigValue } from "../config/parse-value.js";
import { LoadError } from "../plugin/load-error.js";
import { log } from "../log.js";
import type { Plugin } from "../plugin/plugin.js";
import type { PluginCaller } from "../plugin/plugin-caller.js";

const KIND: Record<ConfigSpec["type"], ConfigKind> = { bool: "bool", integer: "int", memory: "memory", enum: "enum", string: "string", float: "float" };
const I64_MAX = 2n ** 63n - 1n;

function defaultText(value: ConfigSpec["default"]): string {
  return typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
}

/** A built-in plugin's configs keep their names (Redis's own); another plugin's are `<plugin>.<name>`, as a Redis module's are. */
function configDefs(m: Manifest, builtin: boolean): ConfigDef[] {
  const prefix = builtin ? "" : `${m.name}.`;
  return (m.configs ?? []).map((c) => {
    const def: ConfigDef = {
      name: prefix + c.name,
      kind: KIND[c.type],
      default: defaultText(c.default),
      immutable: c.flags?.includes("immutable"),
      hidden: c.flags?.includes("hidden"),
      min: c.min,
      max: c.max,
      exclusive: c.exclusive,
      values: c.values,
      aliases: c.aliases?.map((a) => prefix + a),
    };
    // The default in canonical form (`4kb` → 4096), and checked against its own bounds.
    const parsed = parseConfigValue(def, def.default, def.default);
    if ("error" in parsed) throw new LoadError(`plugin '${m.name}': default of config '${def.name}': ${parsed.error}`);
    return { ...def, default: parsed.value };
  });
}

/**
 * What the plugin's slot holds for a canonical value (abi.json, ferrite_config_block). A string config's
 * slot stays 0 for a plugin built before host API 1.9; from 1.9 it counts the changes (1 at load, one
 * more at each change: follow()), so the plugin knows when to read the text again.
 */
function slotValue(def: ConfigDef, value: string): bigint {
  switch (def.kind) {
    case "bool":
      return value === "yes" ? 1n : 0n;
    case "enum":
      return BigInt(def.values!.indexOf(value));
    case "int":
    case "memory": {
      const n = BigInt(value);
      return n > I64_MAX ? I64_MAX : n;
    }
    case "float":
      return floatBits(Number(value));
    case "string":
      return 0n;
  }
}

/** Host API 1.9 and later: a string config's slot counts its changes. */
function countsChanges(m: Manifest): boolean {
  return !/^1\.[0-8]$/.test(m.abi);
}

/** A float config's slot holds its IEEE 754 double's bits: the plugin loads it as an f64 (host API 1.7). */
function floatBits(value: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  return view.getBigInt64(0, true);
}

export class PluginConfigs {
  private readonly declared = new Map<string, ConfigDef[]>();

  constructor(
    private readonly config: Config,
    private readonly caller: PluginCaller,
  ) {}

  /** The text of the string config number `index` of plugin `name` (config_string), or null. */
  text(name: string, index: number): string | null {
    const def = this.declared.get(name)?.[index];
    return def?.kind === "string" ? this.config.get(def.name) : null;
  }

  /**
   * Adds the configs `m` declares, each starting from the config file / command line directive naming it
   * (or one of its aliases), then from `given` (MODULE LOADEX … CONFIG name value, by full name).
   * Returns the slots their values start in; throws a LoadError, adding nothing, on any problem.
   */
  declare(m: Manifest, builtin: boolean, given: readonly (readonly [string, string])[]): BigInt64Array {
    const defs = configDefs(m, builtin);
    const values = new Map<string, string>();
    for (const def of defs)
      for (const name of [def.name, ...(def.aliases ?? [])]) {
        const pending = this.config.pendingFor(name);
        if (pending) values.set(def.name, pending.args.join(" "));
      }
    for (const [name, value] of given) {
      const def = defs.find((d) => d.name === name.toLowerCase() || d.aliases?.includes(name.toLowerCase()));
      if (!def) throw new LoadError(`plugin '${m.name}' has no config '${name}'`);
      values.set(def.name, value);
    }
    const problem = this.config.declare(defs, values);
    if (problem) throw new LoadError(`plugin '${m.name}': ${problem}`);
    this.declared.set(m.name, defs);
    const counted = countsChanges(m);
    return BigInt64Array.from(defs, (def) => (def.kind === "string" && counted ? 1n : slotValue(def, this.config.get(def.name))));
  }

  /** From now on, a change of one of the plugin's configs is written into its config block. */
  follow(plugin: Plugin): void {
    const defs = this.declared.get(plugin.name) ?? [];
    const counted = countsChanges(plugin.manifest);
    for (let slot = 0; slot < defs.length; slot++) {
      const def = defs[slot];
      this.config.onChange(def.name, (value) => {
        plugin.configSlots[slot] = def.kind === "string" && counted ? plugin.configSlots[slot] + 1n : slotValue(def, value);
        plugin.writeConfigs();
      });
      if (def.kind === "string" && plugin.exports.ferrite_config_check) this.checkedBy(plugin, slot, def);
    }
  }

  /**
   * CONFIG SET asks the plugin (ferrite_config_check) before taking a value, and the value the load
   * started with is put in its canonical form now (a refusal there is logged: the plugin's own
   * ferrite_init had the chance to refuse it).
   */
  private checkedBy(plugin: Plugin, slot: number, def: ConfigDef): void {
    def.parse = (raw) => this.caller.checkConfig(plugin, slot, raw);
    const current = this.config.get(def.name);
    const checked = def.parse(current, current);
    if ("error" in checked) log("warning", `plugin '${plugin.name}' refuses the value of config '${def.name}': ${checked.error}`);
    else if (checked.value !== current) this.config.setAtRuntime([[def, checked.value]], true);
  }

  /**
   * MODULE RELOAD: the configs `m` declares take the place of the loaded build's, keeping the current
   * value of every name both declare, then `given`. On any problem the old ones are back as they were
   * and it throws; `undo` puts them back after a later failure.
   */
  replace(old: Plugin, m: Manifest, builtin: boolean, given: readonly (readonly [string, string])[]): { slots: BigInt64Array; undo: () => void } {
    const values = (this.declared.get(old.name) ?? []).map((def) => [def.name, this.config.get(def.name)] as const);
    const restore = () => {
      this.declare(old.manifest, builtin, values);
      this.follow(old);
    };
    this.forget(old.name);
    const names = new Set(configDefs(m, builtin).map((def) => def.name));
    try {
      const slots = this.declare(m, builtin, [...values.filter(([name]) => names.has(name)), ...given]);
      return { slots, undo: () => (this.forget(m.name), restore()) };
    } catch (e) {
      restore();
      throw e;
    }
  }

  forget(pluginName: string): void {
    this.config.forget(this.declared.get(pluginName) ?? []);
    this.declared.delete(pluginName);
  }
}
