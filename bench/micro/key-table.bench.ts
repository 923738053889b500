// The keyspace index against the JS Map it replaces: at 1 M keys lookups with the key given as bytes (as
// the RESP parser leaves it: one buffer, offset, length), inserts, and bytes per key; then the longest
// single insert while a table grows to 5 M keys (what bounds the event-loop stall).
// Run: npx tsc --outDir /tmp/bench --module NodeNext --moduleResolution NodeNext --target ES2022 --strict \
//        --skipLibCheck --types node bench/micro/key-table.bench.ts
//      node --expose-gc /tmp/bench/bench/micro/key-table.bench.js
import { Bench } from "tinybench";
import { KeyTable } from "../../runtime/src/keyspace/key-table.js";

const KEYS = 1_000_000;
const GROWTH_KEYS = 5_000_000;
/** Lookups per task iteration: one lookup is too short for the timer to measure on its own. */
const BATCH = 1000;

// Keys shaped like redis-benchmark's (`key:` + 12 digits), packed into one buffer.
const KEY_LEN = 16;
function packedKeys(n: number): Buffer {
  const bytes = Buffer.alloc(n * KEY_LEN);
  for (let i = 0; i < n; i++) bytes.write(`key:${String(i).padStart(12, "0")}`, i * KEY_LEN, "latin1");
  return bytes;
}

function collect(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

function timed(label: string, fn: () => void): void {
  const start = performance.now();
  fn();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
}

/** Every insert timed on its own: the worst one is the stall a client would see. */
function growthLatency(): void {
  const keys = packedKeys(GROWTH_KEYS);
  const lat = new Float64Array(GROWTH_KEYS);
  // The same loop around nothing: what the timer and the machine (preemption, GC) add on their own.
  for (let i = 0; i < GROWTH_KEYS; i++) {
    const t0 = performance.now();
    lat[i] = performance.now() - t0;
  }
  report("empty loop (noise floor)", lat, 0);
  const table = new KeyTable();
  const start = performance.now();
  for (let i = 0; i < GROWTH_KEYS; i++) {
    const t0 = performance.now();
    table.insert(keys, i * KEY_LEN, KEY_LEN, 0);
    lat[i] = performance.now() - t0;
  }
  report(`insert ${GROWTH_KEYS} keys one by one`, lat, performance.now() - start);
  console.log(`  then ${(table.memoryBytes() / GROWTH_KEYS).toFixed(1)} B/key by memoryBytes()`);
}

function report(label: string, lat: Float64Array, totalMs: number): void {
  let worst = 0;
  for (let i = 1; i < lat.length; i++) if (lat[i]! > lat[worst]!) worst = i;
  const sorted = lat.slice().sort();
  const pct = (p: number): string => sorted[Math.floor(lat.length * p)]!.toFixed(4);
  console.log(
    `${label}: ${totalMs.toFixed(0)} ms; worst ${lat[worst]!.toFixed(2)} ms (at op ${worst}), ` +
      `p99.9 ${pct(0.999)} ms, p99.99 ${pct(0.9999)} ms`,
  );
}

const keyBytes = packedKeys(KEYS);
// A fixed random order, so lookups touch memory the way a real workload does rather than sequentially.
const order = new Uint32Array(KEYS);
for (let i = 0; i < KEYS; i++) order[i] = Math.floor(Math.random() * KEYS);

const before = collect();
const table = new KeyTable();
timed(`KeyTable: insert ${KEYS} keys`, () => {
  for (let i = 0; i < KEYS; i++) table.setHandle(table.insert(keyBytes, i * KEY_LEN, KEY_LEN, 0), i);
});
const tableBytes = collect() - before;

const beforeMap = collect();
const map = new Map<string, number>();
timed(`Map<string, number>: insert ${KEYS} keys`, () => {
  for (let i = 0; i < KEYS; i++) map.set(keyBytes.toString("latin1", i * KEY_LEN, (i + 1) * KEY_LEN), i);
});
const mapBytes = collect() - beforeMap;

let cursor = 0;
let sink = 0;
const bench = new Bench({ time: 1500, warmup: true });
bench
  .add("KeyTable.find (key as bytes)", () => {
    for (let n = 0; n < BATCH; n++) {
      const i = order[cursor++ % KEYS]!;
      sink += table.find(keyBytes, i * KEY_LEN, KEY_LEN);
    }
  })
  .add("Map.get (key decoded as latin1)", () => {
    for (let n = 0; n < BATCH; n++) {
      const i = order[cursor++ % KEYS]!;
      sink += map.get(keyBytes.toString("latin1", i * KEY_LEN, (i + 1) * KEY_LEN))!;
    }
  })
  .add("KeyTable.find miss", () => {
    for (let n = 0; n < BATCH; n++) {
      const i = order[cursor++ % KEYS]!;
      keyBytes[i * KEY_LEN] = 0x4b; // "Key:…" is absent
      sink += table.find(keyBytes, i * KEY_LEN, KEY_LEN);
      keyBytes[i * KEY_LEN] = 0x6b;
    }
  })
  .add("KeyTable remove + insert", () => {
    for (let n = 0; n < BATCH; n++) {
      const i = order[cursor++ % KEYS]!;
      table.remove(table.find(keyBytes, i * KEY_LEN, KEY_LEN));
      table.insert(keyBytes, i * KEY_LEN, KEY_LEN, 0);
    }
  });
await bench.run();

const opsPerSecond = (name: string): string => {
  const result = bench.getTask(name)?.result;
  const hz = result && "throughput" in result ? result.throughput.mean : 0;
  return `${((hz * BATCH) / 1e6).toFixed(2)} M/s`;
};
for (const task of bench.tasks) console.log(`${task.name}: ${opsPerSecond(task.name)}`);
console.log(`KeyTable.memoryBytes(): ${(table.memoryBytes() / KEYS).toFixed(1)} B/key (key heap in use ${KEY_LEN} B/key rounded to 16)`);
console.log(`KeyTable heap+arrayBuffers growth: ${(tableBytes / KEYS).toFixed(1)} B/key`);
console.log(`Map<string, number> heap growth: ${(mapBytes / KEYS).toFixed(1)} B/key`);
if (sink === 0.5) console.log(sink);

growthLatency();
