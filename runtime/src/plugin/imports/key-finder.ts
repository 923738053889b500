// key_position (host API 1.8): inside ferrite_keys, the plugin names each key of a command whose keys
// are at no fixed position (SORT … STORE dst), with the manifest key spec whose flags it has.
import type { HostImports } from "../abi.generated.js";
import type { CallContext } from "../call-context.js";
import { PluginAbort } from "../sandbox.js";

export function keyFinderImports(ctx: CallContext): Pick<HostImports, "key_position"> {
  return {
    key_position(index, spec) {
      if (!ctx.keyVisitor) throw new PluginAbort("key_position called outside ferrite_keys");
      ctx.keyVisitor(index, spec);
    },
  };
}
