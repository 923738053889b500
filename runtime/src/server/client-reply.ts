// CLIENT REPLY ON|OFF|SKIP: which of its commands' replies a client gets (Redis's CLIENT_REPLY_OFF,
// CLIENT_REPLY_SKIP_NEXT and CLIENT_REPLY_SKIP flags). A silenced reply is written as usual and rolled
// back once its command is done, so no command needs to know. Pushes are not replies and still arrive:
// published messages (they reach a client outside its command's reply) and the subscribe family's
// confirmations, which Redis 7 sends as pushes (networking.c's CLIENT_PUSHING).
import type { Client } from "./client.js";
import { REPLY_OFF, REPLY_ON, REPLY_SKIP, REPLY_SKIP_NEXT } from "../command/reply-mode.js";

/** Commands whose replies are all pushes. */
const PUSH_REPLIES = new Set(["subscribe", "unsubscribe", "psubscribe", "punsubscribe", "ssubscribe", "sunsubscribe"]);

/**
 * After a command was run, queued or refused (Redis's resetClient): drops its reply, from `mark` on,
 * while replies are silenced, and moves SKIP along. `ran` is the command called, or null.
 */
export function afterReplyMode(client: Client, mark: number, ran: string | null): void {
  const mode = client.replyMode;
  if ((mode === REPLY_OFF || mode === REPLY_SKIP) && !(ran !== null && PUSH_REPLIES.has(ran))) client.writer.rollback(mark);
  if (mode === REPLY_SKIP) client.replyMode = REPLY_ON;
  else if (mode === REPLY_SKIP_NEXT) client.replyMode = REPLY_SKIP;
}
