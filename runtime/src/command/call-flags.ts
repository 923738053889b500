// Redis's getCommandFlags: a plugin command whose manifest sets call_flags answers, per call, whether it
// writes, is refused under maxmemory, or may replicate (host API 1.9 ferrite_command_flags: the scripting
// plugin reads EVAL's shebang, EVALSHA's cached script, FCALL's function, as evalGetCommandFlags and
// fcallGetCommandFlags do). That decides whether CLIENT PAUSE WRITE holds it, whether maxmemory, MISCONF
// and NOREPLICAS refuse it, and what MULTI records of it. Every other command has its static flags, read
// with no call; only the gates that need an answer ask, never a command's own path.
import type { Command } from "./command-table.js";
import type { CommandArgs } from "../protocol/arg-list.js";

/** ferrite_command_flags's bits (abi.json). */
const WRITE = 1;
const DENYOOM = 2;
const MAY_REPLICATE = 4;

/** Whether the command writes (MISCONF, NOREPLICAS, MULTI's write state). */
export function writes(cmd: Command, args: CommandArgs): boolean {
  const flags = cmd.callFlags === null ? -1 : cmd.callFlags(args);
  return flags < 0 ? cmd.write : (flags & WRITE) !== 0;
}

/** Whether maxmemory refuses the command when over the limit. */
export function deniesOom(cmd: Command, args: CommandArgs): boolean {
  const flags = cmd.callFlags === null ? -1 : cmd.callFlags(args);
  return flags < 0 ? cmd.flags.has("denyoom") : (flags & DENYOOM) !== 0;
}

/** Redis's is_may_replicate_command: it writes or may replicate (CLIENT PAUSE WRITE holds it). */
export function mayReplicate(cmd: Command, args: CommandArgs): boolean {
  const flags = cmd.callFlags === null ? -1 : cmd.callFlags(args);
  return flags < 0 ? cmd.write || cmd.flags.has("may_replicate") : (flags & (WRITE | MAY_REPLICATE)) !== 0;
}
