// The keyspace-event imports (host API 1.2): a plugin raises events about its keys and subscribes to
// others' (notifications/ delivers them, through the PluginEvents the server injects); and, since 1.7,
// subscribes to database events (flushes, swaps: notifications/database-events.ts).
import type { HostImports } from "../abi.generated.js";
import type { Plugin } from "../plugin.js";
import type { HostServices } from "../host-services.js";

export function eventImports(p: Plugin, host: HostServices): Pick<HostImports, "event_emit" | "event_subscribe" | "db_event_subscribe"> {
  const { ctx, events, databaseEvents } = host;
  return {
    event_emit(cls, ep, el, kp, kl) {
      if (!events.listenedTo(cls)) return;
      events.notify(cls, Buffer.from(p.view().subarray(ep, ep + el)), ctx.dbIndex, p.view(), kp, kl);
    },
    event_subscribe: (classes) => events.subscribe(p, classes),
    db_event_subscribe: (mask) => databaseEvents.subscribe(p, mask),
  };
}
