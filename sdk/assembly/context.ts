// What the command running now runs inside (host API 1.9 context_flags; Redis's RedisModule_GetContextFlags).
import { context_flags } from "./host.generated";

/** A script's redis.call reached it (directly, or through commands that call). */
export const CONTEXT_SCRIPT: i32 = 1;
/** It cannot block: MULTI/EXEC, a script, a function, a timer, a call_command. */
export const CONTEXT_DENY_BLOCKING: i32 = 2;

/** The CONTEXT_* bits of the command running now. */
export function contextFlags(): i32 { return context_flags(); }
