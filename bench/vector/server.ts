// The vector phase, through the server: FT.SEARCH KNN 10 from pipelined raw-socket clients against
// hnswlib-node's in-process searchKnn at the same EF_RUNTIME, and HSET into an indexed prefix (one
// TEXT, one TAG, one NUMERIC and one 128-d vector field) against HSET with no index.
import { connect } from "node:net";
import hnswlib from "hnswlib-node";
import { loadCommands } from "../macro/loader.js";
import { fmt, type Goal, printTable } from "../macro/report.js";
import { commandOnce, encodeCommand } from "../macro/resp.js";
import { startServer } from "../macro/servers.js";
import { recall } from "./data.js";
import { groundTruth, makeDataset, type VectorLoad } from "./library.js";
import type { VectorLab } from "./lab.js";

const K = 10;
const CLIENTS = 4;
const PIPELINE = 16;

function blob(data: Float32Array, i: number, dim: number): string {
  return Buffer.from(data.buffer, data.byteOffset + i * dim * 4, dim * 4).toString("latin1");
}

function hset(prefix: string, data: Float32Array, dim: number) {
  return (i: number) => ["HSET", `${prefix}${i}`, "title", `document number ${i}`, "tag", `t${i % 10}`, "n", String(i), "vec", blob(data, i, dim)];
}

/** Bytes of one complete RESP value at `at`, or -1 when more bytes are needed. */
function skipValue(buf: Buffer, at: number): number {
  const eol = buf.indexOf("\r\n", at);
  if (eol < 0) return -1;
  const type = buf[at];
  if (type === 0x24) {
    const len = Number(buf.toString("latin1", at + 1, eol));
    if (len < 0) return eol + 2;
    return buf.length >= eol + 2 + len + 2 ? eol + 2 + len + 2 : -1;
  }
  if (type !== 0x2a) return eol + 2;
  const count = Number(buf.toString("latin1", at + 1, eol));
  let p = eol + 2;
  for (let i = 0; i < count; i++) {
    p = skipValue(buf, p);
    if (p < 0) return -1;
  }
  return p;
}

/** Sends `commands` over `clients` sockets with `pipeline` in flight each; resolves with every reply (raw) in order. */
function pipelined(port: number, commands: string[], clients: number, pipeline: number): Promise<Buffer[]> {
  const replies: Buffer[] = new Array(commands.length);
  let next = 0;
  const one = () =>
    new Promise<void>((ok, fail) => {
      const socket = connect({ port, host: "127.0.0.1", noDelay: true });
      const mine: number[] = [];
      let pending: Buffer = Buffer.alloc(0);
      const send = () => {
        let out = "";
        while (mine.length < pipeline && next < commands.length) {
          mine.push(next);
          out += commands[next++];
        }
        if (out) socket.write(Buffer.from(out, "latin1"));
        else if (mine.length === 0) {
          socket.end();
          ok();
        }
      };
      socket.on("error", fail);
      socket.on("connect", send);
      socket.on("data", (chunk: Buffer) => {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        let at = 0;
        for (let end = skipValue(pending, at); end > 0; end = skipValue(pending, at)) {
          replies[mine.shift()!] = pending.subarray(at, end);
          at = end;
          if (at >= pending.length) break;
        }
        pending = pending.subarray(at);
        send();
      });
    });
  return Promise.all(Array.from({ length: clients }, one)).then(() => replies);
}

/** The doc:<n> labels of a NOCONTENT reply (*1+k, :total, $key …). */
function labels(reply: Buffer): number[] {
  return [...reply.toString("latin1").matchAll(/doc:(\d+)/g)].map((m) => Number(m[1]));
}

export async function runVectorServer(lab: VectorLab, load: VectorLoad): Promise<{ result: unknown; goals: Goal[] }> {
  const { vectors: n, queries: q, dim } = load;
  const data = makeDataset("clustered", n, dim, 1);
  const queries = makeDataset("clustered", q, dim, 2);
  const truth = groundTruth(lab, data, queries, dim);
  const goals: Goal[] = [];
  const server = await startServer("ferrite");
  try {
    const port = server.port;
    // HSET with no index, then into each kind of indexed prefix.
    const hsetRate = async (prefix: string) => {
      const t = performance.now();
      await loadCommands(port, n, hset(prefix, data, dim));
      return n / ((performance.now() - t) / 1000);
    };
    const plain = await hsetRate("plain:");
    await commandOnce(port, "FT.CREATE", "flat", "ON", "HASH", "PREFIX", "1", "flat:", "SCHEMA", "title", "TEXT", "tag", "TAG", "n", "NUMERIC",
      "vec", "VECTOR", "FLAT", "6", "TYPE", "FLOAT32", "DIM", String(dim), "DISTANCE_METRIC", "L2");
    const flat = await hsetRate("flat:");
    await commandOnce(port, "FT.CREATE", "idx", "ON", "HASH", "PREFIX", "1", "doc:", "SCHEMA", "title", "TEXT", "tag", "TAG", "n", "NUMERIC",
      "vec", "VECTOR", "HNSW", "10", "TYPE", "FLOAT32", "DIM", String(dim), "DISTANCE_METRIC", "L2", "M", String(load.m), "EF_CONSTRUCTION", String(load.efConstruction));
    const hnsw = await hsetRate("doc:");
    console.log(`\nthrough the server (clustered, ${n} documents): HSET ${fmt(plain)}/s with no index, ${fmt(flat)}/s into a FLAT-indexed prefix (${fmt(flat / plain, 2)}×), ${fmt(hnsw)}/s into an HNSW-indexed one (${fmt(hnsw / plain, 2)}×)`);
    goals.push({ what: `vector: HSET into an indexed prefix ≥ 0.3 × plain HSET (FLAT ${fmt(flat / plain, 2)}×, HNSW ${fmt(hnsw / plain, 2)}×)`, met: flat >= 0.3 * plain });

    const native = new hnswlib.HierarchicalNSW("l2", dim);
    native.initIndex(n, load.m, load.efConstruction, 100);
    for (let i = 0; i < n; i++) native.addPoint(Array.from(data.subarray(i * dim, (i + 1) * dim)), i);
    const queryArrays = Array.from({ length: q }, (_, i) => Array.from(queries.subarray(i * dim, (i + 1) * dim)));
    const rows: string[][] = [];
    const result: unknown[] = [];
    for (const ef of load.efRuntimes) {
      const commands = Array.from({ length: q }, (_, i) =>
        encodeCommand(["FT.SEARCH", "idx", `*=>[KNN ${K} @vec $B EF_RUNTIME ${ef}]`, "PARAMS", "2", "B", blob(queries, i, dim), "NOCONTENT", "DIALECT", "2"]));
      await pipelined(port, commands.slice(0, Math.min(q, 50)), CLIENTS, PIPELINE); // warm-up
      let t = performance.now();
      const replies = await pipelined(port, commands, CLIENTS, PIPELINE);
      const serverQps = q / ((performance.now() - t) / 1000);
      const serverRecall = recall(replies.map(labels), truth);
      native.setEf(ef);
      const found: number[][] = [];
      t = performance.now();
      for (let i = 0; i < q; i++) found.push(native.searchKnn(queryArrays[i], K).neighbors);
      const nativeQps = q / ((performance.now() - t) / 1000);
      rows.push([String(ef), fmt(serverRecall, 3), fmt(serverQps), fmt(recall(found, truth), 3), fmt(nativeQps), fmt(serverQps / nativeQps, 2)]);
      result.push({ ef, serverRecall, serverQps, hnswlibRecall: recall(found, truth), hnswlibQps: nativeQps });
    }
    console.log(`FT.SEARCH KNN ${K} NOCONTENT, ${CLIENTS} clients × pipeline ${PIPELINE}, vs hnswlib-node searchKnn in-process:`);
    printTable(["EF_RUNTIME", "FT.SEARCH recall", "FT.SEARCH QPS", "hnswlib recall", "hnswlib QPS", "ratio"], rows);
    const at95 = (result as { ef: number; serverRecall: number; serverQps: number; hnswlibQps: number }[]).find((r) => r.serverRecall >= 0.95);
    goals.push({
      what: `vector: FT.SEARCH KNN 10 ≥ 0.5 × hnswlib-node searchKnn QPS at recall ≥ 0.95 (${at95 ? `EF_RUNTIME ${at95.ef}: ${fmt(at95.serverQps / at95.hnswlibQps, 2)}×` : "recall not reached"})`,
      met: at95 ? at95.serverQps >= 0.5 * at95.hnswlibQps : null,
    });
    return { result: { hset: { plain, flat, hnsw }, knn: result }, goals };
  } finally {
    await server.stop();
  }
}
