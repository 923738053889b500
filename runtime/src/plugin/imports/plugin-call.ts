// plugin_call and plugin_output (host API 1.8): functions plugins offer each other, run by the server's
// PluginCaller (plugin-caller.ts).
import type { HostImports } from "../abi.generated.js";
import type { Plugin } from "../plugin.js";
import type { HostServices } from "../host-services.js";

export function pluginCallImports(p: Plugin, host: HostServices): Pick<HostImports, "plugin_call" | "plugin_output"> {
  const { pluginCaller } = host;
  return {
    plugin_call: (pp, pl, fp, fl, ip, il) => pluginCaller.call(p, pp, pl, fp, fl, ip, il),
    plugin_output: (ptr, len) => pluginCaller.output(p, ptr, len),
  };
}
