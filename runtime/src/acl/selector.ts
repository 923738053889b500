// One ACL selector (Redis 7.2's aclSelector): which commands, keys and channels it permits. Command rules
// are kept as Redis keeps them, an ordered list of `+cmd`/`-@cat` words replayed over "all" or "none",
// so that commands a plugin adds later with MODULE LOAD get the permissions the rules give them.
import type { Command, CommandTable } from "../command/command-table.js";
import { log } from "../log.js";
import { categoriesOf } from "./categories.js";
import type { Args } from "./args.js";
import { AclRuleError } from "./errors.js";

export interface KeyPattern {
  pattern: Buffer;
  read: boolean;
  write: boolean;
}

/** The command a rule names: `get`, or `client|id` for a subcommand. */
export function aclLookup(commands: CommandTable, name: string): Command | undefined {
  const bar = name.indexOf("|");
  if (bar < 0) return commands.get(name);
  return commands.get(name.slice(0, bar))?.subcommands?.get(name.slice(bar + 1).toLowerCase());
}

/** Every command known to ACL categories: whether `cat` exists among loaded commands. */
export function categoryExists(commands: CommandTable, cat: string): boolean {
  for (const c of commands.all()) {
    if (categoriesOf(c.spec).has(cat)) return true;
    if (c.subcommands) for (const s of c.subcommands.values()) if (categoriesOf(s.spec).has(cat)) return true;
  }
  return false;
}

export class Selector {
  /** +@all was the last reset: commands loaded later are allowed (Redis's "future commands" bit). */
  allowFuture = false;
  /** Every command is allowed (Redis's SELECTOR_FLAG_ALLCOMMANDS): nothing took one away since +@all. */
  allCommands = false;
  rules: string[] = [];
  allKeys = false;
  keys: KeyPattern[] = [];
  allChannels = false;
  channels: Buffer[] = [];
  private allowed = new Set<Command>();
  /** Redis's deprecated allowed_firstargs: `+select|0` allows SELECT only with 0 as its first argument. */
  private firstArgs = new Map<Command, Set<string>>();
  /** The command table version `allowed` was computed for. */
  private builtFor = -1;

  constructor(private readonly commands: CommandTable) {}

  clone(): Selector {
    const s = new Selector(this.commands);
    s.allowFuture = this.allowFuture;
    s.allCommands = this.allCommands;
    s.rules = [...this.rules];
    s.allKeys = this.allKeys;
    s.keys = this.keys.map((k) => ({ ...k }));
    s.allChannels = this.allChannels;
    s.channels = [...this.channels];
    return s;
  }

  get unrestricted(): boolean {
    return this.allCommands && this.allKeys && this.allChannels;
  }

  allows(cmd: Command, a: Args): boolean {
    if (this.allCommands) return true;
    if (this.builtFor !== this.commands.version) this.recompute();
    if (this.allowed.has(cmd)) return true;
    const firstArgs = this.firstArgs.get(cmd);
    if (!firstArgs || a.argc < 2) return false;
    return firstArgs.has(Buffer.from(a.buf.buffer, a.buf.byteOffset + a.argOffset[1], a.argLength[1]).toString("latin1").toLowerCase());
  }

  /** Apply one selector rule (ACLSetSelector); throws AclRuleError with Redis's reason. */
  apply(op: string): void {
    const lower = op.toLowerCase();
    if (lower === "allkeys" || op === "~*") {
      this.allKeys = true;
      this.keys = [];
    } else if (lower === "resetkeys") {
      this.allKeys = false;
      this.keys = [];
    } else if (lower === "allchannels" || op === "&*") {
      this.allChannels = true;
      this.channels = [];
    } else if (lower === "resetchannels") {
      this.allChannels = false;
      this.channels = [];
    } else if (lower === "allcommands" || lower === "+@all") {
      this.allowFuture = this.allCommands = true;
      this.rules = [];
    } else if (lower === "nocommands" || lower === "-@all") {
      this.allowFuture = this.allCommands = false;
      this.rules = [];
    } else if (op[0] === "~" || op[0] === "%") {
      this.addKeyPattern(op);
    } else if (op[0] === "&") {
      if (this.allChannels) throw new AclRuleError("channelAfterAll");
      const pattern = Buffer.from(op.slice(1), "latin1");
      if (!this.channels.some((c) => c.equals(pattern))) this.channels.push(pattern);
    } else if ((op[0] === "+" || op[0] === "-") && op.length > 1) {
      this.addCommandRule(op[0] === "+", lower.slice(1));
    } else {
      throw new AclRuleError("syntax");
    }
  }

  private addKeyPattern(op: string): void {
    if (this.allKeys) throw new AclRuleError("keyAfterAll");
    let read = true;
    let write = true;
    let at = 1;
    if (op[0] === "%") {
      read = write = false;
      for (; at < op.length; at++) {
        const ch = op[at].toUpperCase();
        if (ch === "R" && !read) read = true;
        else if (ch === "W" && !write) write = true;
        else if (op[at] === "~") break;
        else throw new AclRuleError("syntax");
      }
      if ((!read && !write) || at === op.length) throw new AclRuleError("syntax");
      at++;
    }
    const text = op.slice(at);
    if (text === "*" && read && write) return this.apply("allkeys");
    const pattern = Buffer.from(text, "latin1");
    const same = this.keys.find((k) => k.pattern.equals(pattern));
    if (same) {
      same.read ||= read;
      same.write ||= write;
    } else {
      this.keys.push({ pattern, read, write });
    }
  }

  private addCommandRule(allow: boolean, name: string): void {
    if (name[0] === "@") {
      if (!categoryExists(this.commands, name.slice(1))) throw new AclRuleError("unknownCommand");
    } else if (!name.includes("|") || !allow) {
      if (!aclLookup(this.commands, name)) throw new AclRuleError("unknownCommand");
    } else {
      const [parent, sub] = [name.slice(0, name.lastIndexOf("|")), name.slice(name.lastIndexOf("|") + 1)];
      const cmd = aclLookup(this.commands, parent);
      if (!cmd) throw new AclRuleError("unknownCommand");
      if (parent.includes("|")) throw new AclRuleError("firstArgOfSubcommand");
      if (sub === "") throw new AclRuleError("syntax");
      if (cmd.subcommands && !aclLookup(this.commands, name)) throw new AclRuleError("unknownCommand");
      if (!cmd.subcommands)
        log("warning", `Deprecation warning: Allowing a first arg of an otherwise blocked command is a misuse of ACL and may get disabled in the future (offender: +${name})`);
    }
    // ACLUpdateCommandRules: the newest rule for a name replaces older ones, subcommands' included.
    this.rules = this.rules.filter((r) => {
      const n = r.slice(1);
      return n !== name && !(n.startsWith(name) && n[name.length] === "|");
    });
    this.rules.push(`${allow ? "+" : "-"}${name}`);
    if (!allow) this.allCommands = false;
    this.builtFor = -1;
  }

  /** Replay the rules over the current command table (ACLRecomputeCommandBitsFromCommandRules). */
  private recompute(): void {
    const allowed = this.allowed;
    allowed.clear();
    this.firstArgs.clear();
    // ACLChangeSelectorPerm: a command's own rule or category replaces the first arguments it allowed.
    const set = (cmd: Command, allow: boolean) => {
      for (const c of [cmd, ...(cmd.subcommands?.values() ?? [])]) {
        if (allow) allowed.add(c);
        else allowed.delete(c);
        this.firstArgs.delete(c);
      }
    };
    if (this.allowFuture) for (const c of this.commands.all()) set(c, true);
    for (const rule of this.rules) {
      const allow = rule[0] === "+";
      const name = rule.slice(1);
      if (name[0] === "@") {
        const cat = name.slice(1);
        for (const c of this.commands.all()) {
          if (categoriesOf(c.spec).has(cat)) set(c, allow);
          if (c.subcommands) for (const s of c.subcommands.values()) if (categoriesOf(s.spec).has(cat)) set(s, allow);
        }
      } else {
        // A command that a since-unloaded plugin defined: its rule stays, and applies again if it returns.
        const cmd = aclLookup(this.commands, name);
        if (cmd) {
          set(cmd, allow);
          continue;
        }
        const bar = name.lastIndexOf("|");
        const parent = bar > 0 ? this.commands.get(name.slice(0, bar)) : undefined;
        if (parent && !parent.subcommands) {
          const args = this.firstArgs.get(parent) ?? new Set<string>();
          args.add(name.slice(bar + 1));
          this.firstArgs.set(parent, args);
        }
      }
    }
    this.builtFor = this.commands.version;
  }

  /** Redis's ACLDescribeSelectorCommandRules. */
  describeCommands(): string {
    return [this.allowFuture ? "+@all" : "-@all", ...this.rules].join(" ");
  }

  describeKeys(): string {
    if (this.allKeys) return "~*";
    return this.keys.map((k) => `${k.read && k.write ? "" : k.read ? "%R" : "%W"}~${k.pattern.toString("latin1")}`).join(" ");
  }

  describeChannels(): string {
    if (this.allChannels) return "&*";
    return this.channels.map((c) => `&${c.toString("latin1")}`).join(" ");
  }

  /** ACL LIST's form: keys, channels (after `resetchannels` unless all), then command rules. */
  describe(): string {
    const parts: string[] = [];
    const keys = this.describeKeys();
    if (keys) parts.push(keys);
    if (this.allChannels) parts.push("&*");
    else parts.push("resetchannels", ...this.channels.map((c) => `&${c.toString("latin1")}`));
    parts.push(this.describeCommands());
    return parts.join(" ");
  }
}
