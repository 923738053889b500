// Host API 1.7 replicate (RedisModule_Replicate): a command says what to log in place of its own line,
// what happened rather than what was received. The persistence service (behind HostServices.replication)
// decides where the line goes: in place of the command, of a script's inner command, of a timer's effects.
import type { HostImports } from "../abi.generated.js";
import type { Plugin } from "../plugin.js";
import type { HostServices } from "../host-services.js";

export function replicateImports(p: Plugin, host: HostServices): Pick<HostImports, "replicate"> {
  const { ctx, replication } = host;
  return {
    replicate(argv, argc) {
      if (!replication.wanted) return;
      const u32 = p.u32;
      const mem = p.view();
      const line: Buffer[] = [];
      for (let i = 0, slot = argv >>> 2; i < argc; i++, slot += 2) line.push(Buffer.from(mem.subarray(u32[slot], u32[slot] + u32[slot + 1])));
      replication.replicate(ctx.dbIndex, line);
    },
  };
}
