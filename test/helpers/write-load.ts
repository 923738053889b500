// A write load from real clients for crash tests: each client writes strings, hash fields and list
// items in sequence, one awaited command at a time, and remembers what the server acknowledged; after
// a kill -9 and a restart, `missing` lists acknowledged writes that did not survive.
import type { Redis } from "ioredis";

export interface Acked {
  strings: Map<string, string>;
  hashFields: Map<string, Map<string, string>>;
  listItems: Map<string, string[]>;
  /** When each acknowledgement arrived (ms), in order. */
  times: number[];
}

function emptyAcked(): Acked {
  return { strings: new Map(), hashFields: new Map(), listItems: new Map(), times: [] };
}

/** Run until `stop()`; resolves with what was acknowledged once every client saw its connection die. */
export function writeLoad(clients: Redis[]): { stop: () => void; done: Promise<Acked>; acked: Acked } {
  const acked = emptyAcked();
  let running = true;
  const one = async (r: Redis, c: number) => {
    const hash = `h:${c}`;
    const list = `l:${c}`;
    const fields = new Map<string, string>();
    const items: string[] = [];
    acked.hashFields.set(hash, fields);
    acked.listItems.set(list, items);
    for (let i = 0; running; i++) {
      try {
        const value = `v-${c}-${i}`;
        switch (i % 3) {
          case 0:
            await r.set(`s:${c}:${i}`, value);
            acked.strings.set(`s:${c}:${i}`, value);
            break;
          case 1:
            await r.hset(hash, `f${i}`, value);
            fields.set(`f${i}`, value);
            break;
          default:
            await r.rpush(list, value);
            items.push(value);
        }
        acked.times.push(Date.now());
      } catch {
        return; // the server is gone
      }
    }
  };
  const done = Promise.all(clients.map((r, c) => one(r, c))).then(() => acked);
  return { stop: () => { running = false; }, done, acked };
}

/** Acknowledged writes absent from the restarted server, with when they were acknowledged. */
export async function missing(r: Redis, acked: Acked): Promise<string[]> {
  const lost: string[] = [];
  const keys = [...acked.strings.keys()];
  const values = keys.length ? await r.mget(keys) : [];
  keys.forEach((k, i) => {
    if (values[i] !== acked.strings.get(k)) lost.push(`string ${k}`);
  });
  for (const [hash, fields] of acked.hashFields) {
    const stored = await r.hgetall(hash);
    for (const [f, v] of fields) if (stored[f] !== v) lost.push(`hash ${hash} ${f}`);
  }
  for (const [list, items] of acked.listItems) {
    const stored = await r.lrange(list, 0, items.length - 1);
    items.forEach((v, i) => {
      if (stored[i] !== v) lost.push(`list ${list}[${i}]`);
    });
  }
  return lost;
}
