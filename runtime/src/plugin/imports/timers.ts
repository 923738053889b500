// Host API 1.7 timers (RedisModule_CreateTimer): a plugin asks for its export ferrite_timer to run later
// with a payload it chose. The timers themselves belong to the server (server/plugin-timers.ts, behind
// HostServices.timers), which runs the callback as a call of its own between clients' commands.
import type { HostImports } from "../abi.generated.js";
import { PluginAbort } from "../sandbox.js";
import type { Plugin } from "../plugin.js";
import type { HostServices } from "../host-services.js";

export function timerImports(p: Plugin, host: HostServices): Pick<HostImports, "timer_create" | "timer_cancel"> {
  const { ctx, timers } = host;
  return {
    timer_create(delayMs, payload) {
      if (!(Number.isFinite(delayMs) && delayMs >= 0)) throw new PluginAbort(`timer_create: the delay ${delayMs} is not a finite number of ms >= 0`);
      if (!p.exports.ferrite_timer) throw new PluginAbort("timer_create: the plugin does not export ferrite_timer");
      return timers.create(p, delayMs, payload, ctx.dbIndex);
    },
    timer_cancel: (id) => (timers.cancel(p, id) ? 1 : 0),
  };
}
