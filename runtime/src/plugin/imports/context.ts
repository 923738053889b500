// context_flags (host API 1.9): what the running command runs inside, as a plugin needs to know it
// (Redis's RedisModule_GetContextFlags: CLIENT_SCRIPT decides SORT … BY a constant in a script).
import type { HostImports } from "../abi.generated.js";
import type { CallContext } from "../call-context.js";

const SCRIPT = 1;
const DENY_BLOCKING = 2;

export function contextImports(ctx: CallContext): Pick<HostImports, "context_flags"> {
  return {
    context_flags: () => (ctx.inScript > 0 ? SCRIPT : 0) | (ctx.canBlock ? 0 : DENY_BLOCKING),
  };
}
