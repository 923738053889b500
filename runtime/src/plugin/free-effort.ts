// Lazyfree's free effort of a plugin's value (ADR 0050): the value's plugin answers through its
// function `free_effort` (SDK free-effort.ts), given [local type i32][handle f64]; 1 when it has none,
// its code is running (its arena holds that command's arguments), or the call fails — what Redis
// counts for a module type without a free_effort callback.
import type { FreeEffort } from "../keyspace/lazyfree.js";
import type { HostServices } from "./host-services.js";
import { Plugin } from "./plugin.js";

export const FREE_EFFORT_FUNCTION = "free_effort";

/** The server's FreeEffort over its plugins' functions; one input buffer per server. */
export function freeEffortThrough(host: Pick<HostServices, "functions" | "pluginCaller">): FreeEffort {
  const input = new Uint8Array(12);
  const view = new DataView(input.buffer);
  return (owner, localType, handle) => {
    if (!(owner instanceof Plugin)) return 1;
    const id = host.functions.idOf(owner, FREE_EFFORT_FUNCTION);
    if (id < 0) return 1;
    view.setInt32(0, localType, true);
    view.setFloat64(4, handle, true);
    const effort = host.pluginCaller.callFromHost(owner, id, input);
    return effort > 0 ? effort : 1;
  };
}
