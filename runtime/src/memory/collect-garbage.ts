// V8's garbage collector on demand, for memory that lives outside V8's heap (wasm memories, Buffers) and
// that V8 frees only when it collects their owners, which an idle server may not do for a long time: V8
// counts such memory as external and waits for allocation pressure that never comes.
// node --expose-gc can be turned on at run time (`ferrite-server` starts without it); the `gc` function
// then lives in any new context.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

type Gc = (options: { type: "major"; execution: "sync" | "async"; flavor?: "last-resort" }) => void;
let gc: Gc | undefined;

function v8Gc(): Gc {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as Gc;
  }
  return gc;
}

/**
 * V8's last-resort collection, for a replaced plugin instance's wasm memory (up to plugin-max-memory).
 * Measured in a bare process: a plain full GC left a dropped instance's grown memory mapped, the
 * last-resort one unmapped it. In the server it has not been enough yet (see docs/adr/0002-sandbox.md,
 * "Giving memory back").
 */
export function collectGarbage(): void {
  v8Gc()({ type: "major", execution: "sync", flavor: "last-resort" });
}

/** V8's incremental major collection: marking runs in small steps between turns, with no stall. */
export function startIncrementalCollection(): void {
  v8Gc()({ type: "major", execution: "async" });
}
