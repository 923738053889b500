// XGROUP HELP: Redis's help text (t_stream.c xgroupCommand), line for line, as simple strings.
import { replyArray, replySimple } from "ferrite-sdk";

export function run(_argc: i32, _argv: usize): void {
  replyArray(17);
  replySimple("XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
  replySimple("CREATE <key> <groupname> <id|$> [option]");
  replySimple("    Create a new consumer group. Options are:");
  replySimple("    * MKSTREAM");
  replySimple("      Create the empty stream if it does not exist.");
  replySimple("    * ENTRIESREAD entries_read");
  replySimple("      Set the group's entries_read counter (internal use).");
  replySimple("CREATECONSUMER <key> <groupname> <consumer>");
  replySimple("    Create a new consumer in the specified group.");
  replySimple("DELCONSUMER <key> <groupname> <consumer>");
  replySimple("    Remove the specified consumer.");
  replySimple("DESTROY <key> <groupname>");
  replySimple("    Remove the specified group.");
  replySimple("SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]");
  replySimple("    Set the current group ID and entries_read counter.");
  replySimple("HELP");
  replySimple("    Prints this help.");
}
