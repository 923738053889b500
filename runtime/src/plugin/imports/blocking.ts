// The blocking imports (host API 1.1): a command that cannot be served yet asks to block on keys, reads
// back what it left for its rerun, and signals keys ready for others (server/blocking.ts serves them).
import type { HostImports } from "../abi.generated.js";
import type { Plugin } from "../plugin.js";
import type { HostServices } from "../host-services.js";

export function blockingImports(p: Plugin, host: HostServices): Pick<HostImports, "block_on_keys" | "block_context" | "key_signal_ready"> {
  const { ctx } = host;
  return {
    block_on_keys(first, last, step, timeoutMs, flags, dp, dl) {
      if (!ctx.canBlock) return 0;
      const data = host.blocking.rerun?.data ?? Buffer.from(p.view().subarray(dp, dp + dl));
      host.blocking.request = { first, last, step, timeoutMs, flags, data };
      return 1;
    },
    block_context() {
      const bc = host.blocking.rerun;
      return bc ? ctx.setResult(bc.data) : -1;
    },
    key_signal_ready: (kp, kl) => host.blocking.signal(ctx.dbIndex, p.view(), kp, kl),
  };
}
