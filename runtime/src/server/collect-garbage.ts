// A full garbage collection on demand. A replaced plugin instance's wasm memory (up to plugin-max-memory)
// is returned to the OS only when V8 collects its ArrayBuffer, and an idle server may not collect for a
// long time: V8 counts the memory as external and waits for allocation pressure that never comes.
// node --expose-gc can be turned on at run time; the `gc` function then lives in any new context.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

type Gc = (options: { type: "major"; execution: "sync"; flavor: "last-resort" }) => void;
let gc: Gc | undefined;

/**
 * V8's last-resort collection. Measured in a bare process: a plain full GC left a dropped instance's
 * grown memory mapped, the last-resort one unmapped it. In the server it has not been enough yet (see
 * docs/adr/0002-sandbox.md, "Giving memory back").
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as Gc;
  }
  gc({ type: "major", execution: "sync", flavor: "last-resort" });
}
