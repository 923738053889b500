// The `ferrite.*` imports one plugin instance is linked with: host API v1 as host-api/abi.json defines
// it. Typed against the generated HostImports, so a missing or mistyped import fails the build. Grouped as
// wasmtime's linker groups its functions: replies, keys, keyspace, pages, blocking, events (imports/),
// and here what is left (the result buffer, save_write, call_command, time, randomness, log, abort, fuel,
// the C plugins' protected calls, imports/unwind.ts, INFO sections, imports/info.ts, timers,
// imports/timers.ts, replicate, imports/replicate.ts, plugin_call, imports/plugin-call.ts,
// key_position, imports/key-finder.ts, config_string, imports/configs.ts, and context_flags,
// imports/context.ts).
import { randomFillSync } from "node:crypto";
import type { HostImports } from "./abi.generated.js";
import { PluginAbort } from "./sandbox.js";
import type { Plugin } from "./plugin.js";
import type { HostServices } from "./host-services.js";
import { log, type LogLevel } from "../log.js";
import { copyBytes } from "../protocol/copy-bytes.js";
import { replyImports } from "./imports/replies.js";
import { keyImports } from "./imports/keys.js";
import { keyspaceImports } from "./imports/keyspace.js";
import { pageImports } from "./imports/pages.js";
import { blockingImports } from "./imports/blocking.js";
import { eventImports } from "./imports/events.js";
import { unwindImports } from "./imports/unwind.js";
import { infoImports } from "./imports/info.js";
import { timerImports } from "./imports/timers.js";
import { replicateImports } from "./imports/replicate.js";
import { pluginCallImports } from "./imports/plugin-call.js";
import { keyFinderImports } from "./imports/key-finder.js";
import { configImports } from "./imports/configs.js";
import { contextImports } from "./imports/context.js";

const LEVELS: LogLevel[] = ["debug", "verbose", "notice", "warning"];

/** AssemblyScript strings: UTF-16LE with their byte length in the u32 before the pointer. */
function readAsString(p: Plugin, ptr: number): string {
  if (ptr === 0) return "";
  const mem = p.view();
  const len = new DataView(mem.buffer).getUint32(ptr - 4, true);
  return Buffer.from(mem.buffer, ptr, len).toString("utf16le");
}

export function hostImports(p: Plugin, host: HostServices): HostImports {
  const { ctx, caller } = host;
  return {
    ...replyImports(p, ctx),
    ...keyImports(p, host),
    ...keyspaceImports(p, host),
    ...pageImports(p, host),
    ...blockingImports(p, host),
    ...eventImports(p, host),
    // copyBytes: no view allocated for a short result (a script's redis.call reads one per call)
    result_read: (dst) => copyBytes(ctx.result, 0, ctx.resultLen, p.view(), dst),
    result_len: () => ctx.resultLen,
    save_write(ptr, len) {
      if (!ctx.saveChunks) throw new PluginAbort("save_write called outside ferrite_type_save or ferrite_aux_save");
      ctx.saveChunks.push(Buffer.from(p.view().subarray(ptr, ptr + len)));
    },
    call_command: (argv, argc, flags) => caller.call(p, argv, argc, flags),
    time_ms: () => ctx.now,
    time_us: () => ctx.micros(),
    // Fresh at every call, unlike the frozen time_ms/time_us (host API 1.6, ADR 0032).
    clock_us: () => performance.now() * 1000,
    random_fill: (ptr, len) => void randomFillSync(p.view(), ptr, len),
    log: (level, ptr, len) =>
      log(LEVELS[level] ?? "notice", `<${p.name}> ${Buffer.from(p.view().buffer, ptr, len).toString("utf8")}`),
    abort(msg, file, line, column) {
      const where = file ? ` at ${readAsString(p, file)}:${line}:${column}` : "";
      throw new PluginAbort(`${readAsString(p, msg) || "abort"}${where}`);
    },
    fuel: ctx.sandbox.refuel,
    ...unwindImports(p),
    ...infoImports(p, ctx),
    ...timerImports(p, host),
    ...replicateImports(p, host),
    ...pluginCallImports(p, host),
    ...keyFinderImports(ctx),
    ...configImports(p, host),
    ...contextImports(ctx),
  };
}
