// The server's ACL users: `default` (whose password `requirepass` sets, as in Redis), ACL SETUSER's
// all-or-nothing application of rules, and password checks for AUTH and HELLO.
import type { CommandTable } from "../command/command-table.js";
import { AclRuleError } from "./errors.js";
import { User } from "./user.js";

/** ACLMergeSelectorArguments: `(~a` `+get)` become one `(~a +get)` word; the error text on an unclosed selector. */
export function mergeSelectorArgs(ops: string[]): string[] | string {
  const out: string[] = [];
  let open: string | null = null;
  let opening = "";
  for (const op of ops) {
    if (open !== null) {
      open += ` ${op}`;
      if (op.endsWith(")")) {
        out.push(open);
        open = null;
      }
    } else if (op.startsWith("(") && !op.endsWith(")")) {
      open = opening = op;
    } else {
      out.push(op);
    }
  }
  if (open !== null) return `ERR Unmatched parenthesis in acl selector starting at '${opening}'.`;
  return out;
}

export class Users {
  private readonly byName = new Map<string, User>();

  constructor(commands: CommandTable) {
    this.byName.set("default", Users.fresh(commands, "default"));
  }

  /** ACLCreateDefaultUser: on, no password, every command, key and channel. */
  static fresh(commands: CommandTable, name: string): User {
    const u = new User(name, commands);
    if (name === "default") for (const op of ["+@all", "~*", "&*", "on", "nopass"]) u.apply(op);
    return u;
  }

  get default(): User {
    return this.byName.get("default")!;
  }

  get(name: string): User | undefined {
    return this.byName.get(name);
  }

  /** Sorted by name, as Redis's rax of users lists them. */
  all(): User[] {
    return [...this.byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** A user with `ops` applied to a copy of its current state (or of a new user): the error text, or the user. */
  static build(commands: CommandTable, base: User | undefined, name: string, ops: string[]): User | string {
    const merged = mergeSelectorArgs(ops);
    if (typeof merged === "string") return merged;
    const u = base ? base.clone() : new User(name, commands);
    for (const op of merged) {
      try {
        u.apply(op);
      } catch (e) {
        if (!(e instanceof AclRuleError)) throw e;
        return `ERR Error in ACL SETUSER modifier '${op}': ${e.message}`;
      }
    }
    return u;
  }

  /** Install `u`: an existing user of that name takes its state (its connections follow the change). */
  put(u: User): void {
    const old = this.byName.get(u.name);
    if (old) old.copyFrom(u);
    else this.byName.set(u.name, u);
  }

  delete(name: string): User | undefined {
    const u = this.byName.get(name);
    this.byName.delete(name);
    return u;
  }

  /** Replace every user at once (ACL LOAD). */
  replaceAll(users: Map<string, User>): void {
    this.byName.clear();
    for (const [n, u] of users) this.byName.set(n, u);
  }

  /** The user `name` with password `pass`, or null (unknown, disabled or wrong password alike). */
  authenticate(name: string, pass: string): User | null {
    const u = this.byName.get(name);
    if (!u || !u.enabled || !u.checkPassword(pass)) return null;
    return u;
  }

  /** ACLUpdateDefaultUserPassword: `requirepass` replaces default's passwords, "" makes it nopass. */
  setDefaultPassword(pass: string): void {
    const u = this.default;
    u.apply("resetpass");
    u.apply(pass === "" ? "nopass" : `>${pass}`);
  }
}
