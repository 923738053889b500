import type { CommandClient as Client } from "../command/command-table.js";
// RESP2's subscribed mode: a connection with subscriptions only reads messages, so Redis accepts just the
// commands that change subscriptions or end the mode. RESP3 frames messages as pushes and has no limit.

const ALLOWED = new Set(["ping", "subscribe", "ssubscribe", "unsubscribe", "sunsubscribe", "psubscribe", "punsubscribe", "quit", "reset"]);

/** Redis's error for `command` (its full name, `client|list`) on a client in subscribed mode, else null. */
export function subscribedModeError(client: Client, command: string): string | null {
  if (!inSubscribedMode(client) || ALLOWED.has(command)) return null;
  return `ERR Can't execute '${command}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`;
}

/** Whether the client is in RESP2 subscribed mode, where PING answers the array `pong <message>`. */
export function inSubscribedMode(client: Client): boolean {
  return client.pubsub !== null && client.proto === 2;
}
