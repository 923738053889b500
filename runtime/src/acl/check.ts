// Whether a user may run one command line (ACLCheckAllUserCommandPerm): any selector that permits the
// command, its keys (read/write as its key specs say) and its channels lets it run; otherwise the most
// telling refusal is reported, as Redis picks it. Arguments are read in place from the parser's buffer.
import type { Command } from "../command/command-table.js";
import { forEachKey, hasKeys } from "../command/command-keys.js";
import { globMatch } from "../keyspace/glob.js";
import { checkedChannels } from "./channels.js";
import { resolveKeyFlags } from "./variable-key-flags.js";
import type { Selector } from "./selector.js";
import type { Args } from "./args.js";
import type { User } from "./user.js";

/** Redis's ACL_* result codes; a larger one is the more specific refusal. */
export const enum Verdict {
  Ok = 0,
  DeniedCommand = 1,
  DeniedKey = 2,
  DeniedAuth = 3,
  DeniedChannel = 4,
}

/**
 * Where a check writes the argument index its refusal is about (a key or a channel). The caller owns it
 * (AccessControl keeps one per server), so no state lives in this module and a check allocates nothing.
 */
export interface DeniedArg {
  index: number;
}

export function argText(a: Args, i: number): string {
  return Buffer.from(a.buf.buffer, a.buf.byteOffset + a.argOffset[i], a.argLength[i]).toString("latin1");
}

function argvOf(a: Args): string[] {
  const argv = new Array<string>(a.argc);
  for (let i = 0; i < a.argc; i++) argv[i] = argText(a, i);
  return argv;
}

/** ACLSelectorCheckKey: `access` needs read permission; insert, update and delete need write. */
function keyAllowed(sel: Selector, a: Args, i: number, flags: readonly string[]): boolean {
  const read = flags.includes("access");
  const write = flags.includes("insert") || flags.includes("update") || flags.includes("delete");
  for (const k of sel.keys) {
    if ((read && !k.read) || (write && !k.write)) continue;
    if (globMatch(k.pattern, 0, k.pattern.length, a.buf, a.argOffset[i], a.argLength[i])) return true;
  }
  return false;
}

function channelAllowed(sel: Selector, a: Args, i: number, pattern: boolean): boolean {
  const off = a.argOffset[i];
  const len = a.argLength[i];
  for (const c of sel.channels) {
    if (pattern ? c.length === len && c.compare(a.buf, off, off + len) === 0 : globMatch(c, 0, c.length, a.buf, off, len)) return true;
  }
  return false;
}

function checkSelector(sel: Selector, cmd: Command, a: Args, argv: () => string[], out: DeniedArg): Verdict {
  if (!sel.allows(cmd, a) && !cmd.flags.has("no_auth")) return Verdict.DeniedCommand;
  if (!sel.allKeys && hasKeys(cmd.spec)) {
    let denied = -1;
    const args = argv();
    forEachKey(cmd.spec, args, (i, flags) => {
      if (denied < 0 && !keyAllowed(sel, a, i, resolveKeyFlags(cmd.spec.name, flags, args))) denied = i;
    }, cmd.findKeys);
    if (denied >= 0) {
      out.index = denied;
      return Verdict.DeniedKey;
    }
  }
  const channels = sel.allChannels ? undefined : checkedChannels(cmd.spec.name);
  if (channels) {
    const last = channels.last < 0 ? a.argc - 1 : Math.min(channels.last, a.argc - 1);
    for (let i = channels.first; i <= last; i++) {
      if (!channelAllowed(sel, a, i, channels.pattern)) {
        out.index = i;
        return Verdict.DeniedChannel;
      }
    }
  }
  return Verdict.Ok;
}

/** The user's verdict on a command line; a refusal's argument index is left in `out`. */
export function checkCommand(user: User, cmd: Command, a: Args, out: DeniedArg): Verdict {
  let relevant = Verdict.DeniedCommand;
  let lastArg = 0;
  let argv: string[] | null = null;
  const lazyArgv = () => (argv ??= argvOf(a));
  for (const sel of user.selectors) {
    out.index = 0;
    const v = checkSelector(sel, cmd, a, lazyArgv, out);
    if (v === Verdict.Ok) return v;
    if (v > relevant || (v === relevant && out.index > lastArg)) {
      relevant = v;
      lastArg = out.index;
    }
  }
  out.index = lastArg;
  return relevant;
}
