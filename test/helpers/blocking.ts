// Waiting for clients to block (BLPOP, BZPOPMIN…) before writing the keys that wake them: a test that
// pushes too early would see the command answer at once instead of testing the wake-up.
import { sleep, type Server } from "./server.js";

export async function blockedClients(s: Server): Promise<number> {
  const info = await s.r.info("clients");
  return Number(/blocked_clients:(\d+)/.exec(info)![1]);
}

export async function untilBlocked(s: Server, n: number): Promise<void> {
  while ((await blockedClients(s)) !== n) await sleep(5);
}

/**
 * Sends a blocking command on a client of its own and waits until the server has blocked it. The reply
 * comes wrapped: an async function returning the bare promise would wait for it.
 */
export async function blocked(s: Server, ...args: string[]): Promise<{ reply: Promise<unknown> }> {
  const before = await blockedClients(s);
  const reply = s.client().call(args[0]!, ...args.slice(1));
  reply.catch(() => {}); // a test expecting an error reads it later
  await untilBlocked(s, before + 1);
  return { reply };
}
