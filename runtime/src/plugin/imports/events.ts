// The keyspace-event imports (host API 1.2): a plugin raises events about its keys and subscribes to
// others' (notifications/ delivers them, through the PluginEvents the server injects).
import type { HostImports } from "../abi.generated.js";
import type { Plugin } from "../plugin.js";
import type { HostServices } from "../host-services.js";

export function eventImports(p: Plugin, host: HostServices): Pick<HostImports, "event_emit" | "event_subscribe"> {
  const { ctx, events } = host;
  return {
    event_emit(cls, ep, el, kp, kl) {
      if (!events.listenedTo(cls)) return;
      events.notify(cls, Buffer.from(p.view().subarray(ep, ep + el)), ctx.dbIndex, p.view(), kp, kl);
    },
    event_subscribe: (classes) => events.subscribe(p, classes),
  };
}
