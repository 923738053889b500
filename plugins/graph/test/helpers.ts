// GRAPH.QUERY through ioredis, in the verbose form: [header, rows, stats] (or [stats] alone).
import type { Redis } from "ioredis";

export type Verbose = [string[], unknown[][], string[]] | [string[]];

export function query(r: Redis, graph: string, q: string, ...args: string[]): Promise<Verbose> {
  return r.call("GRAPH.QUERY", graph, q, ...args) as Promise<Verbose>;
}

/** The rows of a query that returns some. */
export async function rows(r: Redis, graph: string, q: string): Promise<unknown[][]> {
  const reply = await query(r, graph, q);
  if (reply.length !== 3) throw new Error(`no result set: ${JSON.stringify(reply)}`);
  return reply[1];
}

/** The statistics of a query, without the execution time (it varies) and "Cached execution". */
export async function stats(r: Redis, graph: string, q: string): Promise<string[]> {
  const reply = await query(r, graph, q);
  return (reply[reply.length - 1] as string[]).filter((s) => !/^(Query internal execution time|Cached execution)/.test(s));
}
