// ACL and its subcommands, with Redis 7.2's replies: users (SETUSER GETUSER DELUSER LIST USERS WHOAMI),
// categories (CAT), passwords (GENPASS), the refusal log (LOG), the aclfile (SAVE LOAD) and DRYRUN.
import { randomBytes } from "node:crypto";
import { Err } from "../errors.js";
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { arityOk, routeCommand } from "../command/route-command.js";
import { BUILTIN_CATEGORIES, categoriesOf } from "../acl/categories.js";
import { checkCommand, argText, Verdict } from "../acl/check.js";
import { deniedMessage } from "../acl/access-control.js";
import { readAclFile, writeAclFile } from "../acl/acl-file.js";
import { Users } from "../acl/users.js";
import type { User } from "../acl/user.js";
import { log } from "../log.js";
import { replyHelp } from "./help.js";
import { parseInteger } from "../command/parse-integer.js";

const NO_ACLFILE =
  "ERR This Redis instance is not configured to use an ACL file. You may want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a Redis configuration file set) in order to store users in the Redis configuration.";

function args(c: Client, from: number): string[] {
  const out = [];
  for (let i = from; i < c.argc(); i++) out.push(c.argString(i));
  return out;
}

/** Connections authenticated as a user that no longer exists are closed, the caller's after its reply, as in Redis. */
function disconnectUsersOf(caller: Client, s: Server, gone: (u: User) => boolean): void {
  for (const client of s.clients.values()) {
    if (!gone(client.user)) continue;
    if (client === caller) client.closeAfterReply = true;
    else s.kill(client);
  }
}

/** Categories of the loaded commands: Redis's, then any that plugins' manifests introduce. */
function allCategories(s: Server): string[] {
  const out = new Set(BUILTIN_CATEGORIES);
  for (const c of s.commands.all()) {
    for (const cat of categoriesOf(c.spec)) out.add(cat);
    if (c.subcommands) for (const sub of c.subcommands.values()) for (const cat of categoriesOf(sub.spec)) out.add(cat);
  }
  return [...out];
}

export const aclHandlers: Record<string, CoreHandler> = {
  "acl|help"(c) {
    replyHelp(c, [
      "CAT [<category>]",
      "    List all commands that belong to <category>, or all command categories",
      "    when no category is specified.",
      "DELUSER <username> [<username> ...]",
      "    Delete a list of users.",
      "DRYRUN <username> <command> [<arg> ...]",
      "    Returns whether the user can execute the given command without executing the command.",
      "GETUSER <username>",
      "    Get the user's details.",
      "GENPASS [<bits>]",
      "    Generate a secure 256-bit user password. The optional `bits` argument can",
      "    be used to specify a different size.",
      "LIST",
      "    Show users details in config file format.",
      "LOAD",
      "    Reload users from the ACL file.",
      "LOG [<count> | RESET]",
      "    Show the ACL log entries.",
      "SAVE",
      "    Save the current config to the ACL file.",
      "SETUSER <username> <attribute> [<attribute> ...]",
      "    Create or modify a user with the specified attributes.",
      "USERS",
      "    List all the registered usernames.",
      "WHOAMI",
      "    Return the current connection username.",
    ]);
  },
  "acl|setuser"(c, s) {
    const name = c.argString(2);
    if (/[\s\0]/.test(name)) return c.writer.error("ERR Usernames can't contain spaces or null characters");
    const users = s.acl.users;
    const built = Users.build(s.commands, users.get(name), name, args(c, 3));
    if (typeof built === "string") return c.writer.error(built);
    users.put(built);
    c.writer.ok();
  },
  "acl|getuser"(c, s) {
    const u = s.acl.users.get(c.argString(2));
    const w = c.writer;
    if (!u) return w.null();
    w.map(6);
    w.bulkString("flags");
    const flags = u.flags();
    w.set(flags.length);
    for (const f of flags) w.bulkString(f);
    w.bulkString("passwords");
    w.array(u.passwords.length);
    for (const p of u.passwords) w.bulkString(p);
    const describe = (sel: User["root"]) => {
      w.bulkString("commands"); w.bulkString(sel.describeCommands());
      w.bulkString("keys"); w.bulkString(sel.describeKeys());
      w.bulkString("channels"); w.bulkString(sel.describeChannels());
    };
    describe(u.root);
    w.bulkString("selectors");
    w.array(u.selectors.length - 1);
    for (const sel of u.selectors.slice(1)) {
      w.map(3);
      describe(sel);
    }
  },
  "acl|deluser"(c, s) {
    const names = args(c, 2);
    if (names.includes("default")) return c.writer.error("ERR The 'default' user cannot be removed");
    const deleted = new Set<User>();
    for (const n of names) {
      const u = s.acl.users.delete(n);
      if (u) deleted.add(u);
    }
    disconnectUsersOf(c, s, (u) => deleted.has(u));
    c.writer.int(deleted.size);
  },
  "acl|list"(c, s) {
    const users = s.acl.users.all();
    c.writer.array(users.length);
    for (const u of users) c.writer.bulkString(`user ${u.name} ${u.describe()}`);
  },
  "acl|users"(c, s) {
    const users = s.acl.users.all();
    c.writer.array(users.length);
    for (const u of users) c.writer.bulkString(u.name);
  },
  "acl|whoami"(c) {
    c.writer.bulkString(c.user.name);
  },
  "acl|cat"(c, s) {
    const w = c.writer;
    if (c.argc() === 2) {
      const cats = allCategories(s);
      w.array(cats.length);
      for (const cat of cats) w.bulkString(cat);
      return;
    }
    const cat = c.argString(2).toLowerCase();
    if (!allCategories(s).includes(cat)) return w.error(`ERR Unknown category '${c.argString(2).slice(0, 128)}'`);
    const names: string[] = [];
    for (const cmd of s.commands.all()) {
      if (categoriesOf(cmd.spec).has(cat)) names.push(cmd.spec.name);
      if (cmd.subcommands) for (const sub of cmd.subcommands.values()) if (categoriesOf(sub.spec).has(cat)) names.push(sub.spec.name);
    }
    w.array(names.length);
    for (const n of names) w.bulkString(n);
  },
  "acl|genpass"(c) {
    let bits = 256;
    if (c.argc() === 3) {
      const n = parseInteger(c.argString(2));
      if (n === null) return c.writer.error(Err.notInteger);
      if (n <= 0 || n > 4096)
        return c.writer.error("ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up to 4096");
      bits = n;
    }
    const chars = Math.ceil(bits / 4);
    c.writer.bulkString(randomBytes(Math.ceil(chars / 2)).toString("hex").slice(0, chars));
  },
  "acl|log"(c, s) {
    if (c.argc() > 3) return c.writer.error("ERR unknown subcommand or wrong number of arguments for 'log'. Try ACL HELP.");
    let count = 10;
    if (c.argc() === 3) {
      const arg = c.argString(2);
      if (arg.toLowerCase() === "reset") {
        s.acl.log.reset();
        return c.writer.ok();
      }
      const n = parseInteger(arg);
      if (n === null) return c.writer.error(Err.notInteger);
      count = Math.max(n, 0);
    }
    s.acl.log.reply(c.writer, count);
  },
  "acl|save"(c, s) {
    const path = s.config.get("aclfile");
    if (!path) return c.writer.error(NO_ACLFILE);
    try {
      writeAclFile(path, s.acl.users.all());
      c.writer.ok();
    } catch (e) {
      log("warning", `Saving ACL file ${path}: ${(e as Error).message}`);
      c.writer.error("ERR There was an error trying to save the ACLs. Please check the server logs for more information");
    }
  },
  "acl|load"(c, s) {
    const path = s.config.get("aclfile");
    if (!path) return c.writer.error(NO_ACLFILE);
    const users = readAclFile(path, s.commands);
    if (typeof users === "string") return c.writer.error(`ERR ${users}`);
    s.acl.users.replaceAll(users);
    // Connections keep the user of the same name, with its new rules; those whose user is gone are closed.
    for (const client of s.clients.values()) {
      const now = users.get(client.user.name);
      if (now) client.user = now;
    }
    disconnectUsersOf(c, s, (u) => !users.has(u.name));
    c.writer.ok();
  },
  "acl|dryrun"(c, s) {
    const name = c.argString(2);
    const user = s.acl.users.get(name);
    if (!user) return c.writer.error(`ERR User '${name}' not found`);
    const p = c.argv;
    const argc = p.argc - 3;
    const offsets = p.argOffset.subarray(3, p.argc);
    const lengths = p.argLength.subarray(3, p.argc);
    const cmd = routeCommand(s.commands, p.buf, offsets, lengths, argc);
    if (typeof cmd === "string") return c.writer.error(`ERR Command '${c.argString(3)}' not found`);
    if (!arityOk(cmd.spec.arity, argc)) return c.writer.error(Err.arity(cmd.spec.name));
    const a = { buf: p.buf, argOffset: offsets, argLength: lengths, argc };
    const denied = { index: 0 };
    const v = checkCommand(user, cmd, a, denied);
    if (v === Verdict.Ok) return c.writer.ok();
    c.writer.bulkString(deniedMessage(v, user, cmd, argText(a, denied.index), true));
  },
};
