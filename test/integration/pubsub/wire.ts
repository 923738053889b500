// Expected bytes of pub/sub replies, and a subscriber connection that waits for them.
import { multibulk, type RawConnection } from "../../helpers/raw-resp.js";

const bulk = (s: string) => `$${Buffer.byteLength(s, "latin1")}\r\n${s}\r\n`;

/** `*3 subscribe <name> :<count>` and friends; `>` instead of `*` for RESP3. */
export function confirmation(kind: string, name: string | null, count: number, proto: 2 | 3 = 2): string {
  const nil = proto === 3 ? "_\r\n" : "$-1\r\n";
  return `${proto === 3 ? ">" : "*"}3\r\n${bulk(kind)}${name === null ? nil : bulk(name)}:${count}\r\n`;
}

export function message(channel: string, payload: string, proto: 2 | 3 = 2, kind = "message"): string {
  return `${proto === 3 ? ">" : "*"}3\r\n${bulk(kind)}${bulk(channel)}${bulk(payload)}`;
}

export function pmessage(pattern: string, channel: string, payload: string, proto: 2 | 3 = 2): string {
  return `${proto === 3 ? ">" : "*"}4\r\n${bulk("pmessage")}${bulk(pattern)}${bulk(channel)}${bulk(payload)}`;
}

export const subscribedModeError = (name: string) =>
  `-ERR Can't execute '${name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n`;

/** Resolves with what arrived once it is exactly `length` bytes long (or more, or 2 s passed). */
export function upTo(length: number): (text: string) => boolean {
  return (text) => text.length >= length;
}

/** Sends a command and waits for `expected.length` bytes: replies made of several RESP values. */
export function sendExpecting(c: RawConnection, args: string[], expected: string): Promise<string> {
  return c.sendRaw(multibulk(...args), upTo(expected.length), 2000);
}

/**
 * Waits for `length` bytes without sending anything (messages another client publishes). Call it before
 * publishing: it forgets what arrived before the call.
 */
export function receive(c: RawConnection, length: number): Promise<string> {
  return c.sendRaw("", upTo(length), 2000);
}
