// TS.RANGE and TS.REVRANGE on a series the host demoted to the cold tier read its saved form through page
// access (host API 1.2), only the chunks the range overlaps, and leave it cold; any other command
// promotes it as before.
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { chillAll, tierInfo } from "../../../test/integration/tiers/tier-helpers.js";

const BUDGET = "1mb";
const WARM = "4mb";
const s = useServer(["--tier-hot-max-memory", BUDGET, "--tier-segment-size", "256kb", "--tier-warm-max-memory", WARM], { kind: "ferrite" });

const SAMPLES = 20_000;

it("ranges over a cold series without promoting it, reading a few pages", async () => {
  const r = s.r;
  await r.call("TS.CREATE", "long", "CHUNK_SIZE", "128", "LABELS", "kind", "long");
  await r.call("TS.CREATE", "avg", "LABELS", "kind", "rollup");
  await r.call("TS.CREATERULE", "long", "avg", "AGGREGATION", "avg", "1000");
  for (let i = 0; i < SAMPLES; i += 1000) {
    const p = r.pipeline();
    for (let j = i; j < i + 1000; j++) p.call("TS.ADD", "long", String(j * 10), String((j * 7) % 13));
    await p.exec();
  }
  const queries: string[][] = [
    ["TS.RANGE", "long", "100000", "100500"],
    ["TS.REVRANGE", "long", "150000", "150200", "COUNT", "5"],
    ["TS.RANGE", "long", "-", "+", "AGGREGATION", "max", "20000"],
    ["TS.RANGE", "long", "199000", "+", "FILTER_BY_VALUE", "3", "5"],
    ["TS.RANGE", "long", "300000", "400000"], // past the newest sample: empty
    ["TS.RANGE", "avg", "-", "+", "LATEST"], // the open bucket, from the (cold) source's rule
  ];
  const before = [];
  for (const q of queries) before.push(await r.call(q[0], ...q.slice(1)));
  expect((before[0] as unknown[]).length).toBe(51);
  const chunks = ((await r.call("TS.INFO", "long")) as unknown[])[11] as number;
  expect(chunks).toBeGreaterThan(100);

  await chillAll(r, BUDGET, WARM);
  expect(await r.call("TIER", "long")).toBe("cold");
  const reads = (await tierInfo(r)).tier_page_reads;
  for (const [i, q] of queries.slice(0, 5).entries()) expect(await r.call(q[0], ...q.slice(1)), q.join(" ")).toEqual(before[i]);
  expect(await r.call("TIER", "long")).toBe("cold"); // read in place: still cold
  const pageReads = (await tierInfo(r)).tier_page_reads - reads;
  expect(pageReads).toBeGreaterThan(0);
  console.log(`cold series of ${SAMPLES} samples in ${chunks} chunks: ${queries.length - 1} ranges read ${pageReads} pages`);

  // A window near the start reads the header and one chunk header, not every chunk's.
  const start = (await tierInfo(r)).tier_page_reads;
  expect(await r.call("TS.RANGE", "long", "0", "30")).toEqual([[0, "0"], [10, "7"], [20, "1"], [30, "8"]]);
  expect((await tierInfo(r)).tier_page_reads - start).toBeLessThan(20);
  expect(await r.call("TIER", "long")).toBe("cold");

  expect(await r.call(queries[5][0], ...queries[5].slice(1))).toEqual(before[5]); // LATEST opens the source: promoted
  await r.call("TS.GET", "long"); // any other command promotes
  expect(await r.call("TIER", "long")).toBe("hot");
  for (const [i, q] of queries.entries()) expect(await r.call(q[0], ...q.slice(1)), q.join(" ")).toEqual(before[i]);
}, 120_000);
