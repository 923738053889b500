// node-redis's FT.AGGREGATE, FT.CURSOR READ and FT.SPELLCHECK replies as it parses them in RESP2 (its
// declared types are RESP3's, which it marks unstable), for the tests that read them.
import type { createClient } from "redis";

type Client = ReturnType<typeof createClient>;
type Ft = Client["ft"];

export interface AggregateReply {
  total: number;
  results: Record<string, unknown>[];
}
export interface CursorReply extends AggregateReply {
  cursor: number;
}
export type SpellCheckReply = { term: string; suggestions: { score: number; suggestion: string }[] }[];

export async function aggregate(c: Client, ...args: Parameters<Ft["aggregate"]>): Promise<AggregateReply> {
  return (await c.ft.aggregate(...args)) as unknown as AggregateReply;
}

export async function aggregateWithCursor(c: Client, ...args: Parameters<Ft["aggregateWithCursor"]>): Promise<CursorReply> {
  return (await c.ft.aggregateWithCursor(...args)) as unknown as CursorReply;
}

export async function cursorRead(c: Client, ...args: Parameters<Ft["cursorRead"]>): Promise<CursorReply> {
  return (await c.ft.cursorRead(...args)) as unknown as CursorReply;
}

export async function spellCheck(c: Client, ...args: Parameters<Ft["spellCheck"]>): Promise<SpellCheckReply> {
  return (await c.ft.spellCheck(...args)) as unknown as SpellCheckReply;
}

/** The ids FT.SEARCH returns, sorted. */
export async function searchIds(c: Client, ...args: Parameters<Ft["search"]>): Promise<string[]> {
  const reply = (await c.ft.search(...args)) as unknown as { documents: { id: string }[] };
  return reply.documents.map((d) => d.id).sort();
}
