// OBJECT HELP: Redis's help text, line for line, as simple strings.
import { replyArray, replySimple } from "ferrite-sdk";

export function run(_argc: i32, _argv: usize): void {
  replyArray(15);
  replySimple("OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
  replySimple("ENCODING <key>");
  replySimple("    Return the kind of internal representation used in order to store the value");
  replySimple("    associated with a <key>.");
  replySimple("FREQ <key>");
  replySimple("    Return the access frequency index of the <key>. The returned integer is");
  replySimple("    proportional to the logarithm of the recent access frequency of the key.");
  replySimple("IDLETIME <key>");
  replySimple("    Return the idle time of the <key>, that is the approximated number of");
  replySimple("    seconds elapsed since the last access to the key.");
  replySimple("REFCOUNT <key>");
  replySimple("    Return the number of references of the value associated with the specified");
  replySimple("    <key>.");
  replySimple("HELP");
  replySimple("    Prints this help.");
}
