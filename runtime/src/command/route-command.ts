// From an argument vector to the command (or subcommand) it names, and the arity check: the part of
// dispatch that clients' commands and plugins' call_command share.
import type { Command, CommandTable } from "./command-table.js";
import { Err, unknownCommand } from "../errors.js";

export function arityOk(arity: number, argc: number): boolean {
  return arity > 0 ? argc === arity : argc >= -arity;
}

/**
 * The command (or subcommand) an argument vector names, or the error text: used for clients' commands
 * and for plugins' call_command alike.
 */
export function routeCommand(commands: CommandTable, src: Buffer, offsets: Int32Array, lengths: Int32Array, argc: number): Command | string {
  let cmd = commands.lookup(src, offsets[0], lengths[0]);
  if (!cmd) {
    const args = [];
    for (let i = 1; i < argc; i++) args.push(argText(src, offsets, lengths, i));
    return unknownCommand(argText(src, offsets, lengths, 0), args);
  }
  // A container called alone (bare COMMAND) is checked against its own arity and runs its own handler.
  if (cmd.subcommands && argc >= 2) {
    const name = argText(src, offsets, lengths, 1);
    const sub = cmd.subcommands.get(name.toLowerCase());
    if (!sub) return Err.unknownSubcommand(name, cmd.name);
    cmd = sub;
  }
  return cmd;
}

/** Not a closure inside routeCommand: that would allocate a context on every command. */
function argText(src: Buffer, offsets: Int32Array, lengths: Int32Array, i: number): string {
  return src.toString("latin1", offsets[i], offsets[i] + lengths[i]);
}
