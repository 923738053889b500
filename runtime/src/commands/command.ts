// COMMAND: what the server can run, answered from the command table (core specs and every loaded
// plugin's manifest), so a plugin's commands appear and disappear with MODULE LOAD/UNLOAD.
import { Err } from "../errors.js";
import type { Command, CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { globMatch } from "../keyspace/glob.js";
import { statusSet, writeCommandDocs, writeCommandInfo } from "./command-reply.js";
import { forEachKey, hasKeys } from "../command/command-keys.js";
import { resolveKeyFlags } from "../acl/variable-key-flags.js";
import { replyHelp } from "./help.js";

const HELP = [
  "(no subcommand)",
  "    Return details about all Redis commands.",
  "COUNT",
  "    Return the total number of commands in this Redis server.",
  "LIST",
  "    Return a list of all commands in this Redis server.",
  "INFO [<command-name> ...]",
  "    Return details about multiple Redis commands.",
  "    If no command names are given, documentation details for all",
  "    commands are returned.",
  "DOCS [<command-name> ...]",
  "    Return documentation details about multiple Redis commands.",
  "    If no command names are given, documentation details for all",
  "    commands are returned.",
  "GETKEYS <full-command>",
  "    Return the keys from a full Redis command.",
  "GETKEYSANDFLAGS <full-command>",
  "    Return the keys and the access flags from a full Redis command.",
];

/** A command by its full name, `container|sub` naming a subcommand, as Redis's lookupCommandBySds. */
function byFullName(s: Server, name: string): Command | undefined {
  const [base, sub, ...rest] = name.split("|");
  const cmd = s.commands.get(base);
  if (sub === undefined) return cmd;
  if (rest.length) return undefined;
  return cmd?.subcommands?.get(sub.toLowerCase());
}

/** Each command followed by its subcommands: the order COMMAND LIST walks. */
function* withSubcommands(s: Server): Generator<Command> {
  for (const cmd of s.commands.all()) {
    yield cmd;
    if (cmd.subcommands) yield* cmd.subcommands.values();
  }
}

function info(c: Client, s: Server): void {
  const w = c.writer;
  if (c.argc() <= 2) {
    w.array(s.commands.size);
    for (const cmd of s.commands.all()) writeCommandInfo(w, cmd);
    return;
  }
  w.array(c.argc() - 2);
  for (let i = 2; i < c.argc(); i++) {
    const cmd = byFullName(s, c.argString(i));
    if (cmd) writeCommandInfo(w, cmd);
    else w.null();
  }
}

function docs(c: Client, s: Server): void {
  const w = c.writer;
  const found: Command[] = [];
  if (c.argc() === 2) found.push(...s.commands.all());
  for (let i = 2; i < c.argc(); i++) {
    const cmd = byFullName(s, c.argString(i));
    if (cmd) found.push(cmd);
  }
  w.map(found.length);
  for (const cmd of found) {
    w.bulkString(cmd.spec.name);
    writeCommandDocs(w, cmd);
  }
}

type ListFilter = (cmd: Command) => boolean;

function listFilter(c: Client): ListFilter | null {
  const kind = c.argString(3).toLowerCase();
  const arg = c.argString(4);
  if (kind === "module") return (cmd) => cmd.plugin?.name.toLowerCase() === arg.toLowerCase();
  if (kind === "aclcat") {
    const category = `@${arg.toLowerCase()}`;
    return (cmd) => cmd.spec.acl_categories.includes(category);
  }
  if (kind === "pattern") {
    const pattern = Buffer.from(arg, "latin1");
    return (cmd) => {
      const name = Buffer.from(cmd.spec.name, "latin1");
      return globMatch(pattern, 0, pattern.length, name, 0, name.length, true);
    };
  }
  return null;
}

function list(c: Client, s: Server): void {
  let filter: ListFilter | null = () => true;
  if (c.argc() === 5 && c.argString(2).toLowerCase() === "filterby") filter = listFilter(c);
  else if (c.argc() !== 2) filter = null;
  if (!filter) return c.writer.error(Err.syntax);
  const names: string[] = [];
  for (const cmd of withSubcommands(s)) if (filter(cmd)) names.push(cmd.spec.name);
  c.writer.array(names.length);
  for (const name of names) c.writer.bulkString(name);
}

/** The command a full command line names, as Redis's lookupCommand resolves argv. */
function targetOf(s: Server, argv: readonly string[]): Command | undefined {
  const cmd = s.commands.get(argv[0]);
  if (!cmd?.subcommands || argv.length < 2) return cmd;
  return cmd.subcommands.get(argv[1].toLowerCase());
}

function arityAccepts(arity: number, argc: number): boolean {
  return arity > 0 ? argc === arity : argc >= -arity;
}

/**
 * COMMAND GETKEYS and GETKEYSANDFLAGS (Redis's getKeysSubcommandImpl): the keys of a full command line
 * and, with flags, each key's key spec flags, `variable_flags` resolved from the arguments as ACL does.
 */
function getkeys(c: Client, s: Server, withFlags: boolean): void {
  const argv: string[] = [];
  for (let i = 2; i < c.argc(); i++) argv.push(c.argString(i));
  const target = targetOf(s, argv);
  if (!target) return c.writer.error("ERR Invalid command specified");
  if (!hasKeys(target.spec)) return c.writer.error("ERR The command has no key arguments");
  if (!arityAccepts(target.spec.arity, argv.length)) return c.writer.error("ERR Invalid number of arguments specified for command");
  const keys: { index: number; flags: readonly string[] }[] = [];
  if (!forEachKey(target.spec, argv, (index, flags) => keys.push({ index, flags }), target.findKeys)) keys.length = 0;
  if (keys.length === 0 && !target.flags.has("no_mandatory_keys"))
    return c.writer.error("ERR Invalid arguments specified for command");
  const w = c.writer;
  w.array(keys.length);
  for (const { index, flags } of keys) {
    if (!withFlags) {
      w.bulkLatin1(argv[index]);
      continue;
    }
    w.array(2);
    w.bulkLatin1(argv[index]);
    statusSet(w, resolveKeyFlags(target.spec.name, flags, argv));
  }
}

export const commandHandlers: Record<string, CoreHandler> = {
  command: info,
  "command|info": info,
  "command|docs": docs,
  "command|count"(c, s) {
    c.writer.int(s.commands.size);
  },
  "command|list": list,
  "command|getkeys": (c, s) => getkeys(c, s, false),
  "command|getkeysandflags": (c, s) => getkeys(c, s, true),
  "command|help"(c) {
    replyHelp(c, HELP);
  },
};
