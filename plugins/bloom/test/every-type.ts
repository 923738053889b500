// One key of each of the plugin's five types, and what of them must read back the same after the key went
// through the platform (a snapshot, the AOF, the cold tier).
import type { Redis } from "ioredis";

/** Writes one key of each type. */
export async function fill(r: Redis): Promise<void> {
  await r.call("BF.RESERVE", "bf", "0.01", "10");
  await r.call("BF.MADD", "bf", ...Array.from({ length: 50 }, (_, i) => `b${i}`));
  await r.call("CF.RESERVE", "cf", "8", "EXPANSION", "2");
  await r.call("CF.INSERT", "cf", "ITEMS", ...Array.from({ length: 30 }, (_, i) => `c${i}`));
  await r.call("CF.DEL", "cf", "c3");
  await r.call("CMS.INITBYDIM", "cms", "100", "4");
  await r.call("CMS.INCRBY", "cms", "a", "5", "b", "7");
  await r.call("TOPK.RESERVE", "topk", "3", "50", "4", "0.9");
  await r.call("TOPK.INCRBY", "topk", "x", "10", "y", "4", "z", "7", "w", "1");
  await r.call("TDIGEST.CREATE", "td", "COMPRESSION", "50");
  await r.call("TDIGEST.ADD", "td", ...Array.from({ length: 500 }, (_, i) => String(i * 1.5)));
}

/** What must read back the same. */
export async function snapshot(r: Redis): Promise<unknown[]> {
  return [
    await r.call("BF.INFO", "bf"),
    await r.call("BF.MEXISTS", "bf", ...Array.from({ length: 50 }, (_, i) => `b${i}`), "absent-item"),
    await r.call("CF.INFO", "cf"),
    await r.call("CF.MEXISTS", "cf", ...Array.from({ length: 30 }, (_, i) => `c${i}`)),
    await r.call("CMS.QUERY", "cms", "a", "b", "c"),
    await r.call("CMS.INFO", "cms"),
    await r.call("TOPK.LIST", "topk", "WITHCOUNT"),
    await r.call("TOPK.INFO", "topk"),
    await r.call("TDIGEST.INFO", "td"),
    await r.call("TDIGEST.QUANTILE", "td", "0.1", "0.5", "0.99"),
    ...(await Promise.all(["bf", "cf", "cms", "topk", "td"].map((k) => r.type(k)))),
  ];
}
