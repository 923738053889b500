// GRAPH.SLOWLOG's log: per graph, the 10 slowest queries of at least 10 ms (FalkorDB's slow_log.c),
// a query already logged kept once with its slowest run. Kept by the graph value's address, so it
// follows RENAME and goes with the value (ferrite_type_free drops it); a COPY starts with none, as
// FalkorDB's. Not persisted (nor is FalkorDB's).
const SIZE = 10;
const MIN_LATENCY_MS: f64 = 10;

export class SlowLogItem {
  time: f64 = 0;
  command: string = "";
  query: string = "";
  /** null: no CYPHER parameters. */
  params: string | null = null;
  latencyMs: f64 = 0;
}

const logs = new Map<usize, Array<SlowLogItem>>();

export function slowLogOf(graph: usize): Array<SlowLogItem> {
  return logs.has(graph) ? logs.get(graph) : new Array<SlowLogItem>();
}

export function slowLogReset(graph: usize): void {
  if (logs.has(graph)) logs.delete(graph);
}

/** Logs a run when it is slow enough; `text` is the whole query, `bodyStart` where it follows its parameters. */
export function slowLogAdd(graph: usize, command: string, text: string, bodyStart: i32, latencyMs: f64, timeS: f64): void {
  if (latencyMs < MIN_LATENCY_MS) return;
  if (!logs.has(graph)) logs.set(graph, new Array<SlowLogItem>());
  const items = logs.get(graph);
  const query = text.substring(bodyStart);
  // FalkorDB keeps the whole text as the parameters when there are some (its truncate_string copies it all).
  const params: string | null = bodyStart > 0 ? text : null;
  let slot: SlowLogItem | null = null;
  for (let i = 0; i < items.length; i++) {
    if (items[i].command == command && items[i].query == query) {
      if (latencyMs <= items[i].latencyMs) return;
      slot = items[i];
    }
  }
  if (slot === null) {
    if (items.length < SIZE) {
      slot = new SlowLogItem();
      items.push(slot);
    } else {
      let fastest = 0;
      for (let i = 1; i < items.length; i++) if (items[i].latencyMs < items[fastest].latencyMs) fastest = i;
      if (items[fastest].latencyMs >= latencyMs) return;
      slot = new SlowLogItem();
      items[fastest] = slot;
    }
  }
  slot.time = timeS;
  slot.command = command;
  slot.query = query;
  slot.params = params;
  slot.latencyMs = latencyMs;
}
