// FT.INFO's memory figures come from the bytes the index holds: they are positive once documents are
// indexed, grow with them, and fall back when the documents go.
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const server = useServer();

async function figures(): Promise<Record<string, number>> {
  const info = (await server.r.call("FT.INFO", "mem")) as unknown[];
  const out: Record<string, number> = {};
  for (const name of ["inverted_sz_mb", "offset_vectors_sz_mb", "doc_table_size_mb", "sortable_values_size_mb", "key_table_size_mb", "bytes_per_record_avg", "offsets_per_term_avg", "offset_bits_per_record_avg", "num_records"]) {
    out[name] = Number(info[info.indexOf(name) + 1]);
  }
  return out;
}

it("measures postings, positions, the doc and key tables and sortable values", async () => {
  const r = server.r;
  await r.call("FT.CREATE", "mem", "PREFIX", "1", "m:", "SCHEMA", "body", "TEXT", "n", "NUMERIC", "SORTABLE");
  await r.hset("m:0", { body: "alpha beta gamma", n: "1" });
  const small = await figures();
  for (const name of ["inverted_sz_mb", "offset_vectors_sz_mb", "doc_table_size_mb", "sortable_values_size_mb", "key_table_size_mb", "bytes_per_record_avg"]) {
    expect(small[name], name).toBeGreaterThan(0);
  }
  // Three words and their stems: each record holds one position, four bytes, 32 bits.
  expect(small.offsets_per_term_avg).toBe(1);
  expect(small.offset_bits_per_record_avg).toBe(32);
  const p = r.pipeline();
  for (let i = 1; i < 2000; i++) p.hset(`m:${i}`, { body: `alpha word${i} words${i}`, n: String(i) });
  await p.exec();
  const big = await figures();
  expect(big.inverted_sz_mb).toBeGreaterThan(small.inverted_sz_mb * 100);
  expect(big.doc_table_size_mb).toBeGreaterThan(small.doc_table_size_mb * 100);
  expect(big.key_table_size_mb).toBeGreaterThan(small.key_table_size_mb * 10);
  await r.flushdb();
  const empty = await figures();
  expect(empty.doc_table_size_mb).toBeLessThan(small.doc_table_size_mb * 2);
  expect(empty.offset_vectors_sz_mb).toBe(0);
});
