import type { CommandClient as Client } from "../command/command-table.js";
// Redis's addReplyHelp: a header naming the container as the client typed it, the lines, then HELP.

/** Redis's addReplySubcommandSyntaxError: a known subcommand with more arguments than it takes. */
export function subcommandSyntaxError(c: Client): void {
  c.writer.error(`ERR unknown subcommand or wrong number of arguments for '${c.argString(1)}'. Try ${c.argString(0).toUpperCase()} HELP.`);
}

export function replyHelp(c: Client, lines: readonly string[]): void {
  const w = c.writer;
  w.array(lines.length + 3);
  w.simple(`${c.argString(0).toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`);
  for (const line of lines) w.simple(line);
  w.simple("HELP");
  w.simple("    Prints this help.");
}
