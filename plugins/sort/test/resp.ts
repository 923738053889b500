// Raw RESP text of one command in a given protocol, to check the exact bytes (`_` against `$-1`).
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
