// The loaded plugins: registering their types and commands on load, and refusing to unload one whose
// type still holds keys (its values would have no owner).
import { dirname, resolve } from "node:path";
import { compilePlugin, compilePluginAsync, loadPlugin, loadPluginAsync, startPlugin, type Admit, type CompiledPlugin, type PluginLimits } from "../plugin/loader.js";
import { LoadError } from "../plugin/load-error.js";
import { UnloadRefused, type GivenConfigs, type Reloaded } from "../plugin/module-admin.js";
import type { Manifest } from "../../../host-api/manifest.js";
import type { Plugin } from "../plugin/plugin.js";
import type { HostServices } from "../plugin/host-services.js";
import type { CommandSpec } from "../../../host-api/manifest.js";
import { makeCommand, type Command, type CommandTable } from "../command/command-table.js";
import type { Keyspace } from "../keyspace/keyspace.js";
import { log } from "../log.js";
import { respawn, worthCompacting } from "./plugin-respawn.js";
import { collectGarbage } from "../memory/collect-garbage.js";
import { PluginConfigs } from "./plugin-configs.js";
import type { Config } from "../config/config.js";
import { BUILTIN_PLUGINS_DIR } from "../paths.js";
import { checkUpgrade, migrate, swap, type Migration } from "./plugin-reload.js";

function pluginCommand(spec: CommandSpec, plugin: Plugin): Command {
  const command = makeCommand(spec, undefined, plugin);
  // Host API 1.8: the plugin finds the keys of a command its key specs cannot place (SORT … STORE).
  if (spec.key_finder && spec.id !== undefined) command.findKeys = (argv, visit) => plugin.findKeys(spec.id!, argv, visit);
  // Host API 1.9: the plugin says per call whether it writes (EVAL's shebang, an FCALL's function).
  if (spec.call_flags && spec.id !== undefined) command.callFlags = (args) => plugin.commandFlags(spec.id!, args);
  if (spec.subcommands?.length)
    command.subcommands = new Map(spec.subcommands.map((s) => [s.name.split("|")[1], pluginCommand(s, plugin)]));
  return command;
}

export class PluginRegistry {
  private readonly plugins = new Map<string, Plugin>();
  /** Plugins with a recovery or compaction scheduled for the next turn of the event loop. */
  private readonly respawnDue = new Set<Plugin>();
  private readonly configs: PluginConfigs;

  private readonly keyspace: Keyspace;
  private readonly commands: CommandTable;

  /** `host`: what its plugins' imports reach, its server's. */
  constructor(
    private readonly host: HostServices,
    private readonly limits: () => PluginLimits,
    config: Config,
  ) {
    this.keyspace = host.keyspace;
    this.commands = host.commands;
    this.configs = new PluginConfigs(config, host.pluginCaller);
  }

  /** config_string (host API 1.9): the text of `plugin`'s string config number `index`, or null. */
  configText(plugin: Plugin, index: number): string | null {
    return this.configs.text(plugin.name, index);
  }

  /** Startup's load (built-in plugins, --loadmodule, a restart's reload, an AOF's MODULE LOAD, inside EXEC). */
  load(path: string, args: string[], given: GivenConfigs = []): Plugin {
    const admission = this.admission(resolve(path), given);
    try {
      return this.register(loadPlugin(resolve(path), args, this.host, this.limits(), admission.admit));
    } catch (e) {
      admission.undo();
      throw e;
    }
  }

  /** MODULE LOAD from a client: the file is read and compiled while the server keeps serving. */
  async loadAsync(path: string, args: string[], given: GivenConfigs = []): Promise<Plugin> {
    const admission = this.admission(resolve(path), given);
    try {
      return this.register(await loadPluginAsync(resolve(path), args, this.host, this.limits(), admission.admit));
    } catch (e) {
      admission.undo();
      throw e;
    }
  }

  /**
   * The admission of one load: refusing a clash, then declaring its configs; `undo` takes the configs
   * back when the load fails afterwards (its init refused, a type clashed).
   */
  private admission(path: string, given: GivenConfigs): { admit: Admit; undo: () => void } {
    let declared: string | null = null;
    return {
      admit: (m) => {
        this.refuseClash(m);
        const slots = this.configs.declare(m, dirname(path) === BUILTIN_PLUGINS_DIR, given);
        declared = m.name;
        return slots;
      },
      undo: () => {
        if (declared !== null) this.configs.forget(declared);
      },
    };
  }

  /**
   * Refuses a plugin whose name or one of whose commands is taken, naming who holds it, before its code
   * runs. A reload's new build may take the names of the build it replaces.
   */
  private refuseClash(m: Manifest, replacing?: Plugin): void {
    if (!replacing && this.plugins.has(m.name)) throw new LoadError(`Module ${m.name} already loaded`);
    for (const spec of m.commands) {
      const owner = this.commands.get(spec.name);
      if (!owner || (replacing && owner.plugin === replacing)) continue;
      const holder = owner.plugin ? `plugin '${owner.plugin.name}'` : "the server";
      throw new LoadError(`command '${spec.name}' of plugin '${m.name}' already exists, defined by ${holder}`);
    }
    if (!replacing) return; // a first load's types are checked as they register
    for (const spec of m.types) {
      const owner = this.keyspace.types.named(spec.name)?.owner;
      if (owner && owner !== replacing) throw new LoadError(`type '${spec.name}' is already defined by plugin '${owner.name}'`);
    }
  }

  /** Runs on the same turn as the plugin's instantiation, so nothing can take its name in between. */
  private register(plugin: Plugin): Plugin {
    const m = plugin.manifest;
    const registered = [];
    try {
      for (let i = 0; i < m.types.length; i++) registered.push(this.keyspace.types.register(plugin, i, m.types[i]));
    } catch (e) {
      for (const t of registered) this.keyspace.types.unregister(t);
      throw e;
    }
    plugin.types = registered;
    this.serve(plugin);
    log("notice", `Module '${m.name}' loaded from ${plugin.path}`);
    return plugin;
  }

  /** A plugin whose types are in place takes its commands, name and configs, and starts serving. */
  private serve(plugin: Plugin): void {
    plugin.onFault = (p) => this.afterFault(p);
    for (const spec of plugin.manifest.commands) this.commands.add(pluginCommand(spec, plugin));
    this.plugins.set(plugin.name, plugin);
    this.host.functions.add(plugin);
    this.configs.follow(plugin);
    this.mirrorEventMask(plugin);
    this.keyspace.dirty++; // the set of types changed: MODULE LOAD / RELOAD goes to the AOF
  }

  /**
   * MODULE RELOAD: a new build of a loaded plugin takes over its values while every key stays
   * (docs/adr/0041-module-reload.md). Any refusal leaves the old build serving, unchanged.
   */
  reload(name: string, path: string | undefined, args: string[] | undefined, given: GivenConfigs): Reloaded {
    const old = this.reloading(name);
    return this.reloadWith(old, compilePlugin(resolve(path ?? old.path), this.limits()), args, given);
  }

  /** From a client: reading, instrumenting and compiling the file happen off the event loop. */
  async reloadAsync(name: string, path: string | undefined, args: string[] | undefined, given: GivenConfigs): Promise<Reloaded> {
    const old = this.reloading(name);
    return this.reloadWith(old, await compilePluginAsync(resolve(path ?? old.path), this.limits()), args, given);
  }

  private reloading(name: string): Plugin {
    const old = this.plugins.get(name);
    if (!old) throw new LoadError(`no plugin named '${name}' is loaded`);
    return old;
  }

  /**
   * The checks, the new instance's start, the move of its state and values and the swap, in one turn,
   * so no command sees half of it.
   */
  private reloadWith(old: Plugin, compiled: CompiledPlugin, args: string[] | undefined, given: GivenConfigs): Reloaded {
    let undo = () => {};
    const admit: Admit = (m) => {
      if (this.plugins.get(old.name) !== old) throw new LoadError(`plugin '${old.name}' was unloaded or reloaded meanwhile`);
      checkUpgrade(old, m);
      this.refuseClash(m, old);
      const configs = this.configs.replace(old, m, dirname(compiled.path) === BUILTIN_PLUGINS_DIR, given);
      undo = configs.undo;
      return configs.slots;
    };
    let fresh: Plugin | null = null;
    try {
      fresh = startPlugin(compiled, args ?? old.args, this.host, admit);
      const aux = old.auxSave();
      if (aux && !fresh.auxLoad(aux))
        throw new LoadError(`plugin '${old.name}' ${fresh.manifest.version} refused the state ${old.manifest.version} keeps beyond its keys (ferrite_aux_load): nothing was changed`);
      const migration = migrate(this.keyspace, old, fresh);
      this.replace(old, fresh, migration);
      return { from: old.manifest.version, to: fresh.manifest.version, moved: migration.moved.length, ms: migration.ms };
    } catch (e) {
      undo();
      if (fresh) this.forgetServices(fresh);
      throw e;
    }
  }

  /** The swap itself, which cannot fail: the keys take the new handles, the new build the types, commands and name. */
  private replace(old: Plugin, fresh: Plugin, migration: Migration): void {
    swap(old, fresh, migration);
    fresh.types = fresh.manifest.types.map((spec, i) => old.types.find((t) => t.spec === spec) ?? this.keyspace.types.register(fresh, i, spec));
    for (const spec of old.manifest.commands) this.commands.remove(spec.name);
    // As at a restart, the new build starts from its aux_load: it re-arms the timers and subscriptions it needs.
    this.forgetServices(old);
    this.serve(fresh);
    log("notice", `Module '${old.name}' reloaded from ${fresh.path}: ${old.manifest.version} -> ${fresh.manifest.version}, ` +
      `${migration.moved.length} values moved in ${migration.ms.toFixed(1)} ms`);
  }

  unload(name: string): void {
    const plugin = this.plugins.get(name);
    if (!plugin) throw new UnloadRefused("no such module with that name");
    const busy = plugin.types.filter((t) => t.keys > 0);
    if (busy.length) {
      // Redis's sentence, then which type holds how many keys (issue 15: the reason reaches the client).
      const reason = `type '${busy[0].spec.name}' still holds ${busy[0].keys} keys`;
      log("warning", `Module ${name} not unloaded: ${reason}`);
      throw new UnloadRefused(`the module exports one or more module-side data types, can't unload. Reason: ${reason}`);
    }
    for (const spec of plugin.manifest.commands) this.commands.remove(spec.name);
    for (const t of plugin.types) this.keyspace.types.unregister(t);
    this.forgetServices(plugin);
    this.configs.forget(name);
    this.plugins.delete(name);
    this.keyspace.dirty++;
    log("notice", `Module ${name} unloaded`);
  }

  /** The plugin is gone (unloaded, replaced, or a reload's new build refused): its event subscriptions, timers and functions with it. */
  private forgetServices(plugin: Plugin): void {
    this.host.functions.forget(plugin);
    this.host.events.forget(plugin);
    this.host.timers.forget(plugin);
    this.host.databaseEvents.forget(plugin);
  }

  /**
   * After a failed call: a quarantined plugin is recovered, and one whose failed call left its memory far
   * larger than what it holds (a memory bomb) is compacted; both on the next turn of the event loop,
   * after the failed command's reply and the rest of its client's batch.
   */
  private afterFault(plugin: Plugin): void {
    if (this.respawnDue.has(plugin) || (!plugin.quarantine && !worthCompacting(plugin))) return;
    this.respawnDue.add(plugin);
    setImmediate(() => {
      this.respawnDue.delete(plugin);
      if (this.plugins.get(plugin.name) === plugin) this.respawn(plugin);
    });
  }

  /** Move a plugin's values into a fresh instance of its module: recovery when quarantined, else compaction. */
  respawn(plugin: Plugin): void {
    const recovering = plugin.quarantine !== null;
    const before = plugin.view().length;
    try {
      const r = respawn(this.keyspace, plugin, recovering ? plugin.quarantinedInstance! : plugin.instance());
      if (recovering) plugin.leaveQuarantine();
      this.mirrorEventMask(plugin);
      log(r.dropped ? "warning" : "notice",
        `Plugin '${plugin.name}' ${recovering ? "recovered" : "compacted"} into a fresh instance: ${r.moved} values moved, ${r.dropped} dropped, ` +
        `memory ${before} -> ${plugin.view().length} bytes, in ${r.ms.toFixed(1)} ms`);
      // The old instance's memory goes back to the OS at the next full GC, which an idle server may not
      // run for a long time; one turn later, when no frame of this call still holds the old instance.
      setImmediate(collectGarbage);
    } catch (e) {
      const why = `its fresh instance did not start (${(e as Error).message})`;
      if (recovering) plugin.quarantineFor(`${plugin.quarantine}; recovery failed: ${why}`);
      else log("warning", `Plugin '${plugin.name}' not compacted: ${why}`);
    }
  }

  /** MEMORY PURGE: compact every plugin whose memory is far larger than what it holds. */
  compactAll(): void {
    for (const plugin of this.plugins.values()) if (!plugin.quarantine && worthCompacting(plugin)) this.respawn(plugin);
  }

  /** Host API 1.3 `ferrite_event_mask`: where the plugin wants the listened event classes kept. */
  private mirrorEventMask(plugin: Plugin): void {
    const at = plugin.exports.ferrite_event_mask;
    if (!at) return;
    const ptr = plugin.guard(at);
    if (Number.isInteger(ptr) && ptr >= 0 && ptr % 4 === 0 && ptr + 4 <= plugin.view().length) this.host.events.mirrorListened(plugin, ptr);
    else log("warning", `Module ${plugin.name}: ferrite_event_mask answered ${ptr}, not an aligned address in its memory; its events all reach the host`);
  }

  get(name: string): Plugin | undefined {
    return this.plugins.get(name);
  }

  all(): IterableIterator<Plugin> {
    return this.plugins.values();
  }
}
