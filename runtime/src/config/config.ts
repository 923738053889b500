// The live configuration: canonical text values keyed by name, with typed getters for the hot readers
// and listeners for configs whose change must reach a running component.
import { CONFIG_DEFS, type ConfigDef } from "./definitions.js";
import { parseConfigValue } from "./parse-value.js";

export class Config {
  private readonly defs = new Map<string, ConfigDef>(CONFIG_DEFS.map((d) => [d.name, d]));
  private readonly values = new Map<string, string>();
  private readonly repeated = new Map<string, string[]>();
  private readonly listeners = new Map<string, ((value: string) => void)[]>();
  /** Absolute path of the config file the server started with, "" without one (INFO's config_file). */
  file = "";

  constructor() {
    for (const d of CONFIG_DEFS) this.values.set(d.name, d.default);
  }

  def(name: string): ConfigDef | undefined {
    return this.defs.get(name.toLowerCase());
  }

  get(name: string): string {
    return this.values.get(name)!;
  }

  int(name: string): number {
    return Number(this.values.get(name));
  }

  bool(name: string): boolean {
    return this.values.get(name) === "yes";
  }

  all(name: string): string[] {
    return this.repeated.get(name) ?? [];
  }

  /** Set from the command line or config file (startup): repeatable configs accumulate. */
  setAtStartup(name: string, args: string[]): string | null {
    const def = this.def(name);
    if (!def) return `Bad directive or wrong number of arguments`;
    if (def.repeatable) {
      const list = this.repeated.get(def.name) ?? [];
      list.push(args.join(" "));
      this.repeated.set(def.name, list);
      return null;
    }
    return this.apply(def, args.join(" "));
  }

  /**
   * CONFIG SET of one or more configs, all or nothing: every change is checked before any is applied.
   * Returns the failing change's index and Redis's reason, or null once all are applied. `allowProtected`:
   * enable-protected-configs lets this client change protected configs.
   */
  setAtRuntime(changes: readonly (readonly [ConfigDef, string])[], allowProtected: boolean): { index: number; error: string } | null {
    for (let i = 0; i < changes.length; i++) {
      const def = changes[i][0];
      // Protection first: `dir` is both, and answers as Redis's (merely protected) `dir` does by default.
      if (def.protected && !allowProtected) return { index: i, error: "can't set protected config" };
      if (def.immutable) return { index: i, error: "can't set immutable config" };
    }
    const values: string[] = [];
    for (let i = 0; i < changes.length; i++) {
      const parsed = parseConfigValue(changes[i][0], changes[i][1], this.get(changes[i][0].name));
      if ("error" in parsed) return { index: i, error: parsed.error };
      values.push(parsed.value);
    }
    for (let i = 0; i < changes.length; i++) this.store(changes[i][0], values[i]);
    return null;
  }

  onChange(name: string, listener: (value: string) => void): void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener);
    this.listeners.set(name, list);
  }

  /** Run `apply` now and again whenever one of `names` changes: a setting kept in step with its configs. */
  follow(names: readonly string[], apply: () => void): void {
    apply();
    for (const name of names) this.onChange(name, apply);
  }

  /** Configs CONFIG GET may report, in table order. */
  visible(): ConfigDef[] {
    return CONFIG_DEFS.filter((d) => !d.hidden);
  }

  private apply(def: ConfigDef, raw: string): string | null {
    const parsed = parseConfigValue(def, raw, this.get(def.name));
    if ("error" in parsed) return parsed.error;
    this.store(def, parsed.value);
    return null;
  }

  private store(def: ConfigDef, value: string): void {
    this.values.set(def.name, value);
    for (const l of this.listeners.get(def.name) ?? []) l(value);
  }
}
