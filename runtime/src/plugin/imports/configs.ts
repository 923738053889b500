// config_string (host API 1.9): a plugin reads one of its string configs' text. Not a per-command call:
// the config block's slot of a string config counts its changes, so a plugin reads the text again only
// when the count moved (ADR 0049).
import { Status, type HostImports } from "../abi.generated.js";
import type { Plugin } from "../plugin.js";
import type { HostServices } from "../host-services.js";

export function configImports(p: Plugin, host: HostServices): Pick<HostImports, "config_string"> {
  const { ctx } = host;
  return {
    config_string(index) {
      const text = host.configText(p, index);
      return text === null ? Status.MISSING : ctx.setResult(Buffer.from(text, "latin1"));
    },
  };
}
