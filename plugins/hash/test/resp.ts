// Raw RESP text of one command in a given protocol, for checks on a reply's shape (`%` maps, nested arrays).
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

/** A hash of n fields f0..n-1 with values v0..n-1, set in one HSET. */
export function fieldsAndValues(n: number, prefix = ""): string[] {
  const args: string[] = [];
  for (let i = 0; i < n; i++) args.push(`${prefix}f${i}`, `v${i}`);
  return args;
}
