// Exact reply bytes, for the shapes that differ between RESP2 and RESP3 (null bulk vs null array, `_`).
import { RawConnection, completeReply } from "../../../test/integration/core/raw-resp.js";

/** The raw reply of each command, in order, on one connection speaking `protocol`. */
export async function rawReplies(port: number, protocol: 2 | 3, ...commands: string[][]): Promise<string[]> {
  const c = await RawConnection.open(port);
  try {
    await c.send(["HELLO", String(protocol)], completeReply);
    const replies: string[] = [];
    for (const command of commands) replies.push(await c.send(command, completeReply));
    return replies;
  } finally {
    c.close();
  }
}
