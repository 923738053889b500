// Raw replies in RESP2 and RESP3, for the shapes ioredis hides: doubles (`,1.5`), pairs of [member,
// score] in RESP3, nulls (`_`).
import { RawConnection, completeReply } from "../../../test/integration/core/raw-resp.js";

/** The raw reply text of each command, sent in order on one connection speaking `protocol`. */
export async function rawReplies(port: number, protocol: 2 | 3, ...commands: string[][]): Promise<string[]> {
  const c = await RawConnection.open(port);
  try {
    await c.send(["HELLO", String(protocol)], completeReply);
    const replies: string[] = [];
    for (const args of commands) replies.push(await c.send(args, completeReply));
    return replies;
  } finally {
    c.close();
  }
}

/** RESP3 text of a [member, score] pair, and RESP2 text of the same as two bulk strings. */
export const pair3 = (m: string, score: string) => `*2\r\n$${m.length}\r\n${m}\r\n,${score}\r\n`;
export const flat2 = (m: string, score: string) => `$${m.length}\r\n${m}\r\n$${score.length}\r\n${score}\r\n`;
