// An ACL user (Redis 7.2's `user`): enabled or not, its passwords (as SHA-256 hex, never in clear), and
// its selectors — the root one first, then those added with `(…)`. A command runs when any selector
// permits it.
import { createHash, timingSafeEqual } from "node:crypto";
import type { CommandTable } from "../command/command-table.js";
import { AclRuleError } from "./errors.js";
import { Selector } from "./selector.js";

const HASH = /^[0-9a-f]{64}$/;

export function hashPassword(pass: string): string {
  return createHash("sha256").update(Buffer.from(pass, "latin1")).digest("hex");
}

export class User {
  enabled = false;
  nopass = false;
  /** Set only by an explicit `sanitize-payload` / `skip-sanitize-payload`, as Redis reports them. */
  payloadFlag: "" | "sanitize-payload" | "skip-sanitize-payload" = "";
  passwords: string[] = [];
  selectors: Selector[];
  /** Cached: on, and the root selector permits every command, key and channel (the dispatcher's fast path). */
  unrestricted = false;

  constructor(readonly name: string, private readonly commands: CommandTable) {
    this.selectors = [new Selector(commands)];
  }

  get root(): Selector {
    return this.selectors[0];
  }

  clone(): User {
    return new User(this.name, this.commands).copyFrom(this);
  }

  /** Take `other`'s state: ACL SETUSER changes a user in place, so connections using it see the change. */
  copyFrom(other: User): this {
    this.enabled = other.enabled;
    this.nopass = other.nopass;
    this.payloadFlag = other.payloadFlag;
    this.passwords = [...other.passwords];
    this.selectors = other.selectors.map((s) => s.clone());
    this.unrestricted = other.unrestricted;
    return this;
  }

  /** Apply one ACL SETUSER word (ACLSetUser); throws AclRuleError with Redis's reason. */
  apply(op: string): void {
    const lower = op.toLowerCase();
    if (lower === "on") this.enabled = true;
    else if (lower === "off") this.enabled = false;
    else if (lower === "sanitize-payload" || lower === "skip-sanitize-payload") this.payloadFlag = lower;
    else if (lower === "nopass") {
      this.nopass = true;
      this.passwords = [];
    } else if (lower === "resetpass") {
      this.nopass = false;
      this.passwords = [];
    } else if (op[0] === ">" || op[0] === "#") {
      const hash = op[0] === ">" ? hashPassword(op.slice(1)) : op.slice(1);
      if (!HASH.test(hash)) throw new AclRuleError("badHash");
      if (!this.passwords.includes(hash)) this.passwords.push(hash);
      this.nopass = false;
    } else if (op[0] === "<" || op[0] === "!") {
      const hash = op[0] === "<" ? hashPassword(op.slice(1)) : op.slice(1);
      if (!HASH.test(hash)) throw new AclRuleError("badHash");
      const at = this.passwords.indexOf(hash);
      if (at < 0) throw new AclRuleError("noSuchPassword");
      this.passwords.splice(at, 1);
    } else if (op[0] === "(" && op[op.length - 1] === ")") {
      const selector = new Selector(this.commands);
      for (const word of op.slice(1, -1).split(" ").filter(Boolean)) selector.apply(word);
      this.selectors.push(selector);
    } else if (lower === "clearselectors") {
      this.selectors.length = 1;
    } else if (lower === "reset") {
      for (const word of ["resetpass", "resetkeys", "resetchannels", "off", "sanitize-payload", "clearselectors", "-@all"]) this.apply(word);
    } else {
      this.root.apply(op);
    }
    this.unrestricted = this.enabled && this.root.unrestricted;
  }

  /** Whether `pass` opens this user (ACLCheckUserCredentials, minus the enabled check). */
  checkPassword(pass: string): boolean {
    if (this.nopass) return true;
    const given = Buffer.from(hashPassword(pass));
    return this.passwords.some((h) => timingSafeEqual(Buffer.from(h), given));
  }

  flags(): string[] {
    const out = [this.enabled ? "on" : "off"];
    if (this.nopass) out.push("nopass");
    if (this.payloadFlag) out.push(this.payloadFlag);
    return out;
  }

  /** ACL LIST's line without the leading `user <name>`. */
  describe(): string {
    const parts = [...this.flags(), ...this.passwords.map((h) => `#${h}`), this.root.describe()];
    for (const s of this.selectors.slice(1)) parts.push(`(${s.describe()})`);
    return parts.join(" ");
  }
}
