// Host API 1.5: protected_call and unwind, the setjmp/longjmp of plugins whose language needs them (C
// with wasi-libc has neither; Lua 5.1 raises every error so). A JavaScript exception is the only way to
// leave wasm frames without returning through them; the plugin's own stack pointer is its business
// (the SDK's C ferrite_try restores it). Only this plugin's own unwinding is caught: a trap, an abort
// or a budget overrun passes through every protected_call and fails the command as before.
import type { HostImports } from "../abi.generated.js";
import { PluginAbort } from "../sandbox.js";
import type { Plugin } from "../plugin.js";

/** Thrown by unwind; one per plugin, allocated once. */
class Unwinding {}

export function unwindImports(p: Plugin): Pick<HostImports, "protected_call" | "unwind"> {
  const unwinding = new Unwinding();
  /** protected_calls in progress: an unwind with none to land in is a plugin bug, not a catchable error. */
  let open = 0;
  return {
    protected_call(fn, a, b) {
      const run = p.exports.ferrite_protected;
      if (!run) throw new PluginAbort("protected_call needs the export ferrite_protected");
      open++;
      try {
        run(fn, a, b);
        return 0;
      } catch (e) {
        if (e === unwinding) return 1;
        throw e;
      } finally {
        open--;
      }
    },
    unwind() {
      throw open > 0 ? unwinding : new PluginAbort("unwind called outside protected_call");
    },
  };
}
