// The server's ACL state and the dispatcher's permission check: users, the ACL log, the aclfile, and
// the NOPERM refusals worded as Redis 7.2 words them. A client whose user may run everything (the
// `default` user out of the box) costs the dispatcher one boolean read.
import type { Config } from "../config/config.js";
import type { Command, CommandTable, CommandClient as Client } from "../command/command-table.js";
import { argText, checkCommand, Verdict, type DeniedArg } from "./check.js";
import type { Args } from "./args.js";
import { AclLog, type LogContext } from "./log.js";
import { readAclFile } from "./acl-file.js";
import { User } from "./user.js";
import { Users } from "./users.js";

/** Redis's getAclErrorMessage; `verbose` names the key or channel (ACL DRYRUN), the NOPERM reply does not. */
export function deniedMessage(v: Verdict, user: User, cmd: Command, arg: string, verbose: boolean): string {
  if (v === Verdict.DeniedCommand) return `User ${user.name} has no permissions to run the '${cmd.spec.name}' command`;
  const what = v === Verdict.DeniedKey ? "key" : "channel";
  return verbose ? `No permissions to access the '${arg}' ${what}` : `No permissions to access a ${what}`;
}

/** What checkCommand answers when it refuses (DeniedAuth is AUTH's, not a command's). */
type Denial = Verdict.DeniedCommand | Verdict.DeniedKey | Verdict.DeniedChannel;

const LOG_REASON = { [Verdict.DeniedCommand]: "command", [Verdict.DeniedKey]: "key", [Verdict.DeniedChannel]: "channel" } as const;
const EXEC_REASON = {
  [Verdict.DeniedCommand]: "no permission to execute the command or subcommand",
  [Verdict.DeniedKey]: "no permission to touch the specified keys",
  [Verdict.DeniedChannel]: "no permission to access one of the channels used as arguments",
} as const;

export class AccessControl {
  readonly users: Users;
  readonly log: AclLog;
  /** Who the AOF replay runs as: Redis replays its AOF without ACL checks. Not a user anyone can AUTH as. */
  readonly replayUser: User;
  /** The argument a refusal names, written by each check (acl/check.ts): reused, so a check allocates nothing. */
  private readonly denied: DeniedArg = { index: 0 };

  /** `describe`: a client as ACL LOG's client-info shows it (CLIENT LIST's line, commands/client-line.ts). */
  constructor(
    readonly commands: CommandTable,
    private readonly config: Config,
    private readonly describe: (client: Client) => string,
  ) {
    this.users = new Users(commands);
    this.replayUser = new User("(aof)", commands);
    for (const rule of ["on", "nopass", "allcommands", "allkeys", "allchannels"]) this.replayUser.apply(rule);
    this.log = new AclLog(() => config.int("acllog-max-len"));
    this.users.setDefaultPassword(config.get("requirepass"));
    config.onChange("requirepass", (v) => this.users.setDefaultPassword(v));
    config.onChange("acllog-max-len", () => this.log.trim());
  }

  /** At startup, after the built-in plugins registered their commands (rules may name them). */
  loadFileAtStartup(): void {
    const path = this.config.get("aclfile");
    if (!path) return;
    const users = readAclFile(path, this.commands);
    if (typeof users === "string") throw new Error(users);
    this.users.replaceAll(users);
  }

  /** Redis's authRequired at connection time: default needs a password, or is disabled. */
  newClientAuthenticated(): boolean {
    const d = this.users.default;
    return d.nopass && d.enabled;
  }

  /** The dispatcher's check of a command line: null when it may run, else the NOPERM error (the refusal is logged). */
  refusal(client: Client, cmd: Command, args: Args, context: LogContext = "toplevel"): string | null {
    const denied = this.check(client, cmd, args);
    if (!denied) return null;
    client.lastCommand = cmd.spec.name; // before logging: the entry's client info names the refused command
    this.logDenial(client, denied, context);
    return `NOPERM ${deniedMessage(denied.verdict, client.user, cmd, denied.object, false)}`;
  }

  /** Whether the user may run the command line, without logging a refusal (host API 1.9 call_command's CHECK_ONLY: redis.acl_check_cmd). */
  allows(client: Client, cmd: Command, args: Args): boolean {
    return client.user.unrestricted || this.check(client, cmd, args) === null;
  }

  /** EXEC checks each queued command again: the rules may have changed since it was queued (Redis's execCommand). */
  execRefusal(client: Client, cmd: Command, args: Args): string | null {
    const denied = client.user.unrestricted ? null : this.check(client, cmd, args);
    if (!denied) return null;
    this.logDenial(client, denied, "multi");
    return "NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. " +
      `This command is no longer allowed for the following reason: ${EXEC_REASON[denied.verdict]}`;
  }

  /** The user's verdict on a command line, with what a denial names (the command, or the key or channel). */
  private check(client: Client, cmd: Command, args: Args): { verdict: Denial; object: string } | null {
    const v = checkCommand(client.user, cmd, args, this.denied);
    if (v === Verdict.Ok) return null;
    const verdict = v as Denial;
    return { verdict, object: verdict === Verdict.DeniedCommand ? cmd.spec.name : argText(args, this.denied.index) };
  }

  private logDenial(client: Client, denied: { verdict: Denial; object: string }, context: LogContext): void {
    this.log.add(LOG_REASON[denied.verdict], context, denied.object, client.user.name, this.describe(client));
  }

  /** AUTH / HELLO AUTH: the user on success; on failure the refusal is logged and null returned. */
  authenticate(client: Client, name: string, pass: string): User | null {
    const user = this.users.authenticate(name, pass);
    if (user) return user;
    this.log.add("auth", "toplevel", client.argString(0), name, this.describe(client));
    return null;
  }
}
