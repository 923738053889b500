// The server's one pub/sub registry, and the function the rest of the runtime publishes with.
import { PubSub } from "./registry.js";

export const pubsub = new PubSub();

const bytesOf = (v: Buffer | string) => (typeof v === "string" ? Buffer.from(v, "latin1") : v);

/**
 * Publishes `message` on `channel` exactly as a client's PUBLISH does: to the channel's subscribers and to
 * every matching pattern subscriber, RESP2 or RESP3 framed per client, written to their sockets at the
 * end of the current read batch (or on the next event-loop turn when called outside one). Strings are
 * taken one byte per char (latin1), the runtime's convention for binary-safe names such as keys; pass a
 * Buffer for anything else. Returns the number of deliveries, PUBLISH's reply. Keyspace notifications
 * call this (`__keyspace@<db>__:<key>`, `__keyevent@<db>__:<event>`).
 */
export function publish(channel: Buffer | string, message: Buffer | string): number {
  return pubsub.publish(bytesOf(channel), bytesOf(message));
}
