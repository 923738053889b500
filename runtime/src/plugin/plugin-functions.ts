// The functions loaded plugins offer each other (host API 1.8 plugin_call): per server, kept by the
// plugin registry as plugins load, reload and unload. A call names its target by bytes in the caller's
// memory; they are compared in place with the names kept here as latin1 bytes, so finding a target
// decodes no string and allocates nothing (ADR 0013). A server has a handful of plugins and functions:
// a scan is as fast as a hash and keeps no second index to keep in step.
import type { Plugin } from "./plugin.js";

interface Offered {
  plugin: Plugin;
  name: Buffer;
  functions: { name: Buffer; id: number }[];
}

function sameBytes(name: Buffer, mem: Uint8Array, ptr: number, len: number): boolean {
  if (name.length !== len) return false;
  for (let i = 0; i < len; i++) if (name[i] !== mem[ptr + i]) return false;
  return true;
}

export class PluginFunctions {
  private offered: Offered[] = [];

  /** The plugin serves (loaded, or a reload's new build): its manifest's functions become callable. */
  add(plugin: Plugin): void {
    this.forget(plugin);
    this.offered.push({
      plugin,
      name: Buffer.from(plugin.name, "latin1"),
      functions: (plugin.manifest.functions ?? []).map((f) => ({ name: Buffer.from(f.name, "latin1"), id: f.id })),
    });
  }

  forget(plugin: Plugin): void {
    this.offered = this.offered.filter((o) => o.plugin !== plugin);
  }

  /** The loaded plugin named by `len` bytes at `ptr` of `mem`, or null. */
  plugin(mem: Uint8Array, ptr: number, len: number): Plugin | null {
    for (let i = 0; i < this.offered.length; i++) if (sameBytes(this.offered[i].name, mem, ptr, len)) return this.offered[i].plugin;
    return null;
  }

  /** The dispatch id of `plugin`'s function `name`, or -1: for the host's own calls (lazyfree's free_effort). */
  idOf(plugin: Plugin, name: string): number {
    for (const f of plugin.manifest.functions ?? []) if (f.name === name) return f.id;
    return -1;
  }

  /** The dispatch id of `plugin`'s function named by `len` bytes at `ptr` of `mem`, or -1. */
  functionId(plugin: Plugin, mem: Uint8Array, ptr: number, len: number): number {
    for (let i = 0; i < this.offered.length; i++) {
      const o = this.offered[i];
      if (o.plugin !== plugin) continue;
      for (let j = 0; j < o.functions.length; j++) if (sameBytes(o.functions[j].name, mem, ptr, len)) return o.functions[j].id;
    }
    return -1;
  }
}
