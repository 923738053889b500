// Makes a plugin report the bytes its allocator has in use (export `ferrite_heap_used`, host API 1.2), so
// that `used_memory` and eviction see values being freed: a wasm memory never shrinks, so its size says
// nothing once a value is deleted.
//
// AssemblyScript's TLSF allocator calls rtrace hooks on every alloc, resize and free when compiled with
// `--use ASC_RTRACE=1`. Those hooks are imports; here they become two-instruction functions over one
// mutable global, so the count costs an add per allocation and no host call. The same flag makes the
// compiler route every store through an `onstore` hook (a memory checker's): it becomes the identity.
// The module is optimized (-O3) only here, after the hooks are in place, so that they are all inlined
// away and nothing was optimized around opaque calls first.
import binaryen from "binaryen";
import { BuildError } from "./build-error.js";
import { FEATURES, emitWithNames } from "../../runtime/src/plugin/wasm/instrument.js";

/** The flag that makes TLSF call the hooks replaced below. */
export const HEAP_ACCOUNTING_FLAGS = ["--use", "ASC_RTRACE=1"];

const RTRACE_MODULE = "rtrace";
const USED = "ferrite~heap_used";
export const HEAP_USED_EXPORT = "ferrite_heap_used";
/** TLSF: a block's first word is its payload size with two tag bits; the header itself is 4 bytes. */
const BLOCK_OVERHEAD = 4;
const TAGS_MASK = 3;

// The typings declare readBinary with one parameter; binaryen.js takes the features as a second.
const readBinary = binaryen.readBinary as (wasm: Uint8Array, features: binaryen.Features) => binaryen.Module;

/** `wasm` as AssemblyScript emitted it, unoptimized; read and optimized with the features the host runs. */
export function addHeapAccounting(wasm: Uint8Array): Uint8Array {
  const m = readBinary(wasm, FEATURES);
  try {
    const hooks = new Map<string, string>(); // rtrace hook name -> internal function name
    for (let i = 0; i < m.getNumFunctions(); i++) {
      const info = binaryen.getFunctionInfo(m.getFunctionByIndex(i));
      if (info.module === RTRACE_MODULE && info.base) hooks.set(info.base, info.name);
    }
    m.addGlobal(USED, binaryen.i32, true, m.i32.const(0));
    /** Bytes the block at local 0 occupies, header included. */
    const blockBytes = () =>
      m.i32.add(m.i32.and(m.i32.load(0, 4, m.local.get(0, binaryen.i32)), m.i32.const(~TAGS_MASK)), m.i32.const(BLOCK_OVERHEAD));
    const used = () => m.global.get(USED, binaryen.i32);
    const bodies: Record<string, () => binaryen.ExpressionRef> = {
      onalloc: () => m.global.set(USED, m.i32.add(used(), blockBytes())),
      onfree: () => m.global.set(USED, m.i32.sub(used(), blockBytes())),
      // (block, old size with header): the block's size changed in place.
      onresize: () => m.global.set(USED, m.i32.sub(m.i32.add(used(), blockBytes()), m.local.get(1, binaryen.i32))),
      // A move is an alloc plus a free, both already counted; init allocates nothing.
      onmove: () => m.nop(),
      oninit: () => m.nop(),
      // (ptr, offset, bytes, isRT) -> ptr: the store goes ahead unchecked.
      onstore: () => m.local.get(0, binaryen.i32),
      // A plugin that calls __collect() (the graph plugin frees its per-command managed objects so) gets
      // the collector's hooks too: a visit is allowed, the others only report.
      onvisit: () => m.i32.const(1),
      oncollect: () => m.nop(),
      oninterrupt: () => m.nop(),
      onyield: () => m.nop(),
    };
    for (const [hook, name] of hooks) {
      const body = bodies[hook];
      if (!body) throw new BuildError(`unexpected allocator hook rtrace.${hook} (is the plugin built with --runtime minimal?)`);
      const { params, results } = binaryen.getFunctionInfo(m.getFunction(name));
      m.removeFunction(name);
      m.addFunction(name, params, results, [], body());
    }
    m.addFunction(HEAP_USED_EXPORT, binaryen.none, binaryen.f64, [], m.f64.convert_u.i32(used()));
    m.addFunctionExport(HEAP_USED_EXPORT, HEAP_USED_EXPORT);
    if (!m.validate()) throw new BuildError("heap accounting produced an invalid module");
    binaryen.setOptimizeLevel(3);
    binaryen.setShrinkLevel(0);
    m.optimize();
    return emitWithNames(m);
  } finally {
    m.dispose();
  }
}
