// The parts of MULTI/EXEC the dispatcher calls: queuing a command inside MULTI, failing the transaction
// when a command is refused before it runs, and ending a transaction (Redis's queueMultiCommand,
// flagTransaction, execCommandAbort and discardTransaction).
import type { Command, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";

/** Inside MULTI these act on the transaction (or the connection) at once instead of being queued. */
const RUN_INSIDE_MULTI = new Set(["exec", "discard", "multi", "watch", "quit", "reset"]);

export const EXECABORT = "EXECABORT Transaction discarded because of previous errors.";
export const NO_MULTI = "ERR Command not allowed inside a transaction";

/** Inside MULTI: keep a copy of the command for EXEC and answer +QUEUED. False for those that run now. */
export function queueCommand(client: Client, cmd: Command): boolean {
  if (RUN_INSIDE_MULTI.has(cmd.spec.name)) return false;
  // A transaction EXEC will refuse anyway keeps nothing, as in Redis.
  if (!client.dirtyCas) client.multi!.queue(cmd, client.argv);
  client.writer.simple("QUEUED");
  return true;
}

/**
 * A command refused before it ran (unknown, wrong arity, not allowed…) answers `error`; inside MULTI
 * that fails the transaction, and a refused EXEC ends it with EXECABORT naming the reason.
 */
export function refuseCommand(server: Server, client: Client, cmd: Command | null, error: string): void {
  if (cmd?.spec.name === "exec") {
    endTransaction(server, client);
    client.writer.error(`EXECABORT Transaction discarded because of: ${error.startsWith("ERR ") ? error.slice(4) : error}`);
    return;
  }
  if (client.multi) client.multi.aborted = true;
  client.writer.error(error);
}

/** EXEC, DISCARD, RESET and a refused EXEC: drop the queue, the watches and the dirty flag. */
export function endTransaction(server: Server, client: Client): void {
  client.multi = null;
  client.dirtyCas = false;
  server.watches.unwatchAll(client);
}
