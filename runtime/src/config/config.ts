// The live configuration: canonical text values keyed by name, with typed getters for the hot readers
// and listeners for configs whose change must reach a running component. Plugins add their declared
// configs while loaded (declare/forget); a startup directive naming none yet waits for a plugin loaded
// at startup to declare it (pending).
import { CONFIG_DEFS } from "./definitions.js";
import type { ConfigDef } from "./config-def.js";
import { parseConfigValue } from "./parse-value.js";

/** A config file or command line directive naming no config yet, and where it came from. */
export interface PendingDirective {
  args: string[];
  origin: string;
}

export class Config {
  /** Every config by its name and by each of its aliases. */
  private readonly defs = new Map<string, ConfigDef>(CONFIG_DEFS.flatMap((d) => [d.name, ...(d.aliases ?? [])].map((n) => [n, d] as const)));
  private readonly pending = new Map<string, PendingDirective>();
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

  /**
   * Set from the command line or config file (startup): repeatable configs accumulate, and a name no
   * config has yet is kept for a plugin loaded at startup to declare (see unclaimed()).
   */
  setAtStartup(name: string, args: string[], origin: string): string | null {
    const def = this.def(name);
    if (!def) {
      this.pending.set(name.toLowerCase(), { args, origin });
      return null;
    }
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

  /** Configs CONFIG GET may report: the server's in table order, then the plugins' in load order. */
  visible(): ConfigDef[] {
    return this.every().filter((d) => !d.hidden);
  }

  /** Every config, hidden ones included (CONFIG REWRITE writes them all). */
  every(): ConfigDef[] {
    return [...new Set(this.defs.values())];
  }

  /** The startup directive still waiting for `name` (a config's name or alias), if any. */
  pendingFor(name: string): PendingDirective | undefined {
    return this.pending.get(name);
  }

  /** A startup directive no loaded plugin declared: a config file error once startup's plugins are in. */
  unclaimed(): [string, PendingDirective] | undefined {
    return this.pending.entries().next().value;
  }

  /**
   * Adds a plugin's configs, with `given` values (by config name) over their defaults: all or none.
   * Returns the first problem (a name taken, a value refused), or null once they are in place.
   */
  declare(defs: readonly ConfigDef[], given: ReadonlyMap<string, string>): string | null {
    const values: string[] = [];
    for (const def of defs) {
      for (const name of [def.name, ...(def.aliases ?? [])]) if (this.defs.has(name)) return `config '${name}' already exists`;
      const raw = given.get(def.name);
      const parsed = raw === undefined ? { value: def.default } : parseConfigValue(def, raw, def.default);
      if ("error" in parsed) return `config '${def.name}': ${parsed.error}`;
      values.push(parsed.value);
    }
    defs.forEach((def, i) => {
      for (const name of [def.name, ...(def.aliases ?? [])]) {
        this.defs.set(name, def);
        this.pending.delete(name);
      }
      this.values.set(def.name, values[i]);
    });
    return null;
  }

  /** Removes configs added by declare (their plugin was unloaded), with their listeners. */
  forget(defs: readonly ConfigDef[]): void {
    for (const def of defs) {
      for (const name of [def.name, ...(def.aliases ?? [])]) this.defs.delete(name);
      this.values.delete(def.name);
      this.listeners.delete(def.name);
    }
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
