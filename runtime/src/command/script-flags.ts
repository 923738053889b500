// Redis's getCommandFlags for EVAL and EVAL_RO (eval.c evalGetCommandFlags, scriptFlagsToCmdFlags): a
// script whose first line is a shebang (`#!lua flags=no-writes,allow-oom`) is a write, denyoom or
// may-replicate command only as it declares, not as the command's static flags say. That decides
// whether CLIENT PAUSE WRITE holds it, whether maxmemory refuses it, and what MULTI records of it.
// The host reads the shebang from the command line itself, only when a gate asks. EVALSHA's and FCALL's
// scripts live in the scripting plugin, which has no export to answer for them (ADR 0047): they keep
// their static flags.
import type { Command } from "./command-table.js";
import type { CommandArgs } from "../protocol/arg-list.js";

/** No shebang, or one Redis would refuse: the command's static flags apply (Redis's compat mode). */
const STATIC = -1;
const NO_WRITES = 1;
const ALLOW_OOM = 2;
/** script.c's scripts_flags_def: the names a shebang may declare (the others change no command flag). */
const KNOWN = new Map([["no-writes", NO_WRITES], ["allow-oom", ALLOW_OOM], ["allow-stale", 0], ["no-cluster", 0], ["allow-cross-slot-keys", 0]]);

function isBlank(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** evalExtractShebangFlags on EVAL's script argument: the declared flags, or STATIC. */
function declared(cmd: Command, args: CommandArgs): number {
  if (cmd.script !== "eval" || args.argc < 2 || (cmd.name !== "eval" && cmd.name !== "eval_ro")) return STATIC;
  const { buf } = args;
  const start = args.argOffset[1];
  const stop = start + args.argLength[1];
  if (stop - start < 2 || buf[start] !== 0x23 /* # */ || buf[start + 1] !== 0x21 /* ! */) return STATIC;
  const newline = buf.indexOf(0x0a, start);
  if (newline < 0 || newline >= stop) return STATIC; // "Invalid script shebang": the script's own error
  const words: string[] = [];
  for (let i = start; i < newline; ) {
    while (i < newline && isBlank(buf[i])) i++;
    const from = i;
    while (i < newline && !isBlank(buf[i])) i++;
    if (i > from) words.push(buf.toString("latin1", from, i));
  }
  if (words[0] !== "#!lua") return STATIC;
  let flags = 0;
  for (const word of words.slice(1)) {
    if (!word.startsWith("flags=")) return STATIC;
    const list = word.slice(6);
    if (list === "") continue; // `flags=` alone declares none
    for (const name of list.split(",")) {
      const flag = KNOWN.get(name);
      if (flag === undefined) return STATIC;
      flags |= flag;
    }
  }
  return flags;
}

/** Whether the command writes (MISCONF, MULTI's write state). */
export function writes(cmd: Command, args: CommandArgs): boolean {
  if (cmd.script === null) return cmd.write;
  const flags = declared(cmd, args);
  return flags === STATIC ? cmd.write : (flags & NO_WRITES) === 0;
}

/** Whether maxmemory refuses the command when over the limit (no-writes implies allow-oom). */
export function deniesOom(cmd: Command, args: CommandArgs): boolean {
  if (cmd.script === null) return cmd.flags.has("denyoom");
  const flags = declared(cmd, args);
  return flags === STATIC ? cmd.flags.has("denyoom") : (flags & (NO_WRITES | ALLOW_OOM)) === 0;
}

/** Redis's is_may_replicate_command: it writes or may replicate (CLIENT PAUSE WRITE holds it). */
export function mayReplicate(cmd: Command, args: CommandArgs): boolean {
  if (cmd.script === null) return cmd.write || cmd.flags.has("may_replicate");
  const flags = declared(cmd, args);
  return flags === STATIC ? cmd.write || cmd.flags.has("may_replicate") : (flags & NO_WRITES) === 0;
}
