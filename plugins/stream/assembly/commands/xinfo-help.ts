// XINFO HELP: Redis's help text (t_stream.c xinfoCommand), line for line, as simple strings.
import { replyArray, replySimple } from "ferrite-sdk";

export function run(_argc: i32, _argv: usize): void {
  replyArray(9);
  replySimple("XINFO <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
  replySimple("CONSUMERS <key> <groupname>");
  replySimple("    Show consumers of <groupname>.");
  replySimple("GROUPS <key>");
  replySimple("    Show the stream consumer groups.");
  replySimple("STREAM <key> [FULL [COUNT <count>]");
  replySimple("    Show information about the stream.");
  replySimple("HELP");
  replySimple("    Prints this help.");
}
