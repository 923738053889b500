// The lazyfree-lazy-* configs and the plugins' free effort, wired into the keyspace's lazyfree counters
// (keyspace/lazyfree.ts, ADR 0050).
import type { Config } from "../config/config.js";
import type { Lazyfree } from "../keyspace/lazyfree.js";
import { freeEffortThrough } from "../plugin/free-effort.js";
import type { HostServices } from "../plugin/host-services.js";

export function wireLazyfree(config: Config, lazyfree: Lazyfree, host: HostServices): void {
  lazyfree.effort = freeEffortThrough(host);
  config.follow(["lazyfree-lazy-user-del", "lazyfree-lazy-expire", "lazyfree-lazy-eviction", "lazyfree-lazy-server-del"], () => {
    lazyfree.userDel = config.bool("lazyfree-lazy-user-del");
    lazyfree.expire = config.bool("lazyfree-lazy-expire");
    lazyfree.eviction = config.bool("lazyfree-lazy-eviction");
    lazyfree.serverDel = config.bool("lazyfree-lazy-server-del");
  });
}
