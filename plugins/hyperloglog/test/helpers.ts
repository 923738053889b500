// Shared inputs: the decimal strings from..to-1, added in batches so 100 000 elements stay a few commands.
import type { Redis } from "ioredis";

export function range(from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, i) => String(from + i));
}

export async function addRange(r: Redis, key: string, from: number, to: number, batch = 1000): Promise<void> {
  for (let i = from; i < to; i += batch) await r.pfadd(key, ...range(i, Math.min(i + batch, to)));
}
