// Checks between a command's lookup and its run that concern the client's mode rather than the command:
// a MONITOR client may not touch the keyspace (Redis's "Replica can't interact with the keyspace"), and
// CLIENT PAUSE holds commands back.
import type { Client } from "./client.js";
import type { Command } from "../command/command-table.js";
import type { Server } from "./server.js";

const KEYSPACE_FLAGS = ["write", "readonly", "may_replicate"];

/** True when the command does not run now: refused (with its error reply) or held by a pause. */
export function stopsBeforeRun(server: Server, client: Client, cmd: Command): boolean {
  if (client.monitoring && KEYSPACE_FLAGS.some((f) => cmd.flags.has(f))) {
    client.writer.error("ERR Replica can't interact with the keyspace");
    cmd.rejectedCalls++;
    return true;
  }
  return server.pause.holds(client, cmd);
}
