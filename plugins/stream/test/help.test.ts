import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { rawReply } from "../../../test/helpers/raw-resp.js";

const s = useServer([]);

/** Redis's addReplyHelp framing: header, the container's lines, then HELP; every line a simple string. */
function helpReply(container: string, lines: string[]): string {
  const all = [`${container} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`, ...lines, "HELP", "    Prints this help."];
  return `*${all.length}\r\n${all.map((l) => `+${l}\r\n`).join("")}`;
}

describe("XGROUP HELP and XINFO HELP", () => {
  it("XGROUP HELP prints Redis's text", async () => {
    expect(await rawReply(s.port, 2, "XGROUP", "HELP")).toBe(
      helpReply("XGROUP", [
        "CREATE <key> <groupname> <id|$> [option]",
        "    Create a new consumer group. Options are:",
        "    * MKSTREAM",
        "      Create the empty stream if it does not exist.",
        "    * ENTRIESREAD entries_read",
        "      Set the group's entries_read counter (internal use).",
        "CREATECONSUMER <key> <groupname> <consumer>",
        "    Create a new consumer in the specified group.",
        "DELCONSUMER <key> <groupname> <consumer>",
        "    Remove the specified consumer.",
        "DESTROY <key> <groupname>",
        "    Remove the specified group.",
        "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
        "    Set the current group ID and entries_read counter.",
      ]),
    );
  });

  it("XINFO HELP prints Redis's text", async () => {
    expect(await rawReply(s.port, 2, "XINFO", "help")).toBe(
      helpReply("XINFO", [
        "CONSUMERS <key> <groupname>",
        "    Show consumers of <groupname>.",
        "GROUPS <key>",
        "    Show the stream consumer groups.",
        "STREAM <key> [FULL [COUNT <count>]",
        "    Show information about the stream.",
      ]),
    );
  });

  it("HELP takes no arguments", async () => {
    expect(await errorOf(s.r.call("XGROUP", "HELP", "x"))).toBe("ERR wrong number of arguments for 'xgroup|help' command");
    expect(await errorOf(s.r.call("XINFO", "HELP", "x"))).toBe("ERR wrong number of arguments for 'xinfo|help' command");
  });
});
