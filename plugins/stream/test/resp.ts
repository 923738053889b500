// Raw RESP text of one command in a given protocol, for checks on a reply's exact shape (RESP3 maps, nulls).
import { RawConnection, completeReply } from "../../../test/integration/core/raw-resp.js";

export async function rawReply(port: number, protocol: 2 | 3, ...args: string[]): Promise<string> {
  const c = await RawConnection.open(port);
  try {
    await c.send(["HELLO", String(protocol)], completeReply);
    return await c.send(args, completeReply);
  } finally {
    c.close();
  }
}
