// MONITOR: the client starts receiving every command the server runs (observability/monitor-feed.ts);
// QUIT or RESET end it. A second MONITOR is ignored without a reply, as Redis does.
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";

export function stopMonitoring(c: Client, s: Server): void {
  c.monitoring = false;
  s.observability.monitor.clients.delete(c);
}

export const monitorHandlers: Record<string, CoreHandler> = {
  monitor(c, s) {
    if (c.monitoring) return;
    c.monitoring = true;
    s.observability.monitor.clients.add(c);
    c.writer.ok();
  },
};
