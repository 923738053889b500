// The CPU budget. V8 has no fuel, so at load time every loop header, and the entry of every function
// that makes calls, gets a countdown of a new mutable global; when it goes below zero the code calls
// `ferrite.fuel`, which checks the wall clock against the call's budget and either returns fresh fuel
// or throws, unwinding the wasm stack. Loops and call cycles are the only ways wasm can run unbounded,
// so guarding their heads bounds everything; functions without calls cannot be part of a cycle, and
// are left alone to keep small hot helpers at full speed. A bulk memory operation (memory.fill/copy)
// does work in proportion to its length with no loop to guard, so it is charged by its length first;
// memory.grow is charged by the bytes it adds (growing is when V8 runs external-memory GCs), so a
// memory bomb meets a clock check before each step of its growth.
//
// The allocator must not be interrupted half-way (docs/adr/0002-sandbox.md, "After a failure"): a
// budget exception unwinding out of AssemblyScript's TLSF between two of its writes leaves its free
// lists inconsistent. Guards inside its functions (named `~lib/rt/…` in the name section the SDK keeps)
// therefore let the counter run ALLOCATOR_GRACE ticks below zero before asking for fuel: the overrun
// is then raised at the next guard outside the allocator, after the allocation completed.
import binaryen from "binaryen";
import { IMPORT_MODULE } from "../abi.generated.js";
import { InvalidWasmError } from "./binary-reader.js";
import {
  addFunctionLocal, blockInsertChildAt, expressionId, loopBody, memoryCopySize, memoryFillSize, memoryGrowDelta, pushChildren, setFunctionBody,
  setLoopBody, setMemoryCopySize, setMemoryFillSize, setMemoryGrowDelta,
} from "./binaryen-ir.js";

const FUEL_IMPORT = "fuel";
/** AssemblyScript's runtime, whose allocator must finish what it started (see above). */
const ALLOCATOR_PREFIX = "~lib/rt/";
/**
 * Ticks the counter may run below zero inside the allocator. One allocation or free passes fewer than
 * ten guards; a function merely named like the runtime gains at most this many ticks (≈ 65 µs of
 * loop), after which its guards ask for fuel like any other.
 */
export const ALLOCATOR_GRACE = 1 << 16;
/**
 * A bulk memory operation costs one tick per 2^BULK_SHIFT bytes. Filling fresh pages runs at ≈ 1.2 GB/s
 * (page faults), 4 bytes per tick then checks the clock every ≈ 4 MiB, ≈ 3 ms: a memory bomb overruns its
 * budget by no more than that. Cache-warm copies are overcharged, which only means a refuel sooner.
 */
const BULK_SHIFT = 2;
const PAGE_SHIFT = 16;

/** The features the module is read and written with: what Node 20 runs and the IR walk understands
 * (binaryen's reader accepts more; the walk refuses the rest, exception handling on purpose). */
export const FEATURES =
  binaryen.Features.MVP |
  binaryen.Features.MutableGlobals |
  binaryen.Features.NontrappingFPToInt |
  binaryen.Features.SIMD128 |
  binaryen.Features.BulkMemory |
  binaryen.Features.BulkMemoryOpt |
  binaryen.Features.SignExt;

// The typings declare readBinary with one parameter; binaryen.js takes the features as a second.
const readBinary = binaryen.readBinary as (wasm: Uint8Array, features: binaryen.Features) => binaryen.Module;

interface FunctionShape {
  loops: number[];
  fills: number[];
  copies: number[];
  grows: number[];
  makesCalls: boolean;
}

function scan(body: number): FunctionShape {
  const shape: FunctionShape = { loops: [], fills: [], copies: [], grows: [], makesCalls: false };
  const stack = [body];
  while (stack.length) {
    const expr = stack.pop()!;
    const id = expressionId(expr);
    if (id === binaryen.LoopId) shape.loops.push(expr);
    else if (id === binaryen.CallId || id === binaryen.CallIndirectId) shape.makesCalls = true;
    else if (id === binaryen.MemoryFillId) shape.fills.push(expr);
    else if (id === binaryen.MemoryCopyId) shape.copies.push(expr);
    else if (id === binaryen.MemoryGrowId) shape.grows.push(expr);
    pushChildren(expr, id, stack);
  }
  return shape;
}

function unusedName(base: string, taken: (name: string) => boolean): string {
  let name = base;
  for (let i = 1; taken(name); i++) name = `${base}${i}`;
  return name;
}

/** The internal name of the `ferrite.fuel` import, added unless the module already imports it. */
function fuelFunction(module: binaryen.Module): string {
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (info.module !== IMPORT_MODULE || info.base !== FUEL_IMPORT) continue;
    if (info.params !== binaryen.none || info.results !== binaryen.i32)
      throw new InvalidWasmError(`imports ${IMPORT_MODULE}.${FUEL_IMPORT} with a signature other than () -> i32`);
    return info.name;
  }
  const name = unusedName(`${IMPORT_MODULE}.${FUEL_IMPORT}`, (n) => module.getFunction(n) !== 0);
  module.addFunctionImport(name, IMPORT_MODULE, FUEL_IMPORT, binaryen.none, binaryen.i32);
  return name;
}

class FuelGuard {
  constructor(
    private readonly module: binaryen.Module,
    private readonly counter: string,
    private readonly refill: string,
  ) {}

  /** `counter -= ticks; if (counter < floor) counter = refill();` as two statements. */
  private charge(ticks: number, scratch: number, floor: number): [number, number] {
    const m = this.module;
    const i32 = binaryen.i32;
    const decrement = m.global.set(this.counter, m.local.tee(scratch, m.i32.sub(m.global.get(this.counter, i32), ticks), i32));
    const check = m.if(m.i32.lt_s(m.local.get(scratch, i32), m.i32.const(floor)), m.global.set(this.counter, m.call(this.refill, [], i32)));
    return [decrement, check];
  }

  /**
   * `counter -= 1; if (counter < floor) counter = refill();` placed before `expr`; returns what replaces
   * it. The new value goes through the function's `scratch` local rather than being read back from the
   * global: measured on a tight loop, the re-read costs about half a nanosecond more per iteration.
   */
  prepend(expr: number, scratch: number, floor: number): number {
    const m = this.module;
    const [decrement, check] = this.charge(m.i32.const(1), scratch, floor);
    if (expressionId(expr) === binaryen.BlockId) {
      // Inside the existing block: no extra block, and branches to its label still land after the body.
      blockInsertChildAt(expr, 0, check);
      blockInsertChildAt(expr, 0, decrement);
      return expr;
    }
    return m.block(null, [decrement, check, expr], binaryen.auto);
  }

  /**
   * An operand giving a size in units of 2^`unitShift` bytes, charged one tick per 2^BULK_SHIFT of those
   * bytes before the operation runs (a shift left by `unitShift - BULK_SHIFT`, or right when negative).
   */
  chargeSize(size: number, scratch: number, sizeLocal: number, floor: number, unitShift = 0): number {
    const m = this.module;
    const i32 = binaryen.i32;
    const keep = m.local.set(sizeLocal, size);
    const shift = unitShift - BULK_SHIFT;
    const units = m.local.get(sizeLocal, i32);
    // Pages are capped at 2^16, so a page count shifted left stays below 2^31.
    const ticks = shift >= 0 ? m.i32.shl(units, m.i32.const(shift)) : m.i32.shr_u(units, m.i32.const(-shift));
    const [decrement, check] = this.charge(ticks, scratch, floor);
    return m.block(null, [keep, decrement, check, m.local.get(sizeLocal, i32)], i32);
  }
}

function instrumentFunctions(module: binaryen.Module, guard: FuelGuard): void {
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const fn = module.getFunctionByIndex(i);
    const info = binaryen.getFunctionInfo(fn);
    if (info.base) continue; // an import: nothing to instrument
    const shape = scan(info.body);
    if (!shape.loops.length && !shape.makesCalls && !shape.fills.length && !shape.copies.length && !shape.grows.length) continue;
    const floor = info.name.startsWith(ALLOCATOR_PREFIX) ? -ALLOCATOR_GRACE : 0;
    const scratch = addFunctionLocal(fn, binaryen.i32);
    if (shape.fills.length || shape.copies.length || shape.grows.length) {
      const size = addFunctionLocal(fn, binaryen.i32);
      for (const fill of shape.fills) setMemoryFillSize(fill, guard.chargeSize(memoryFillSize(fill), scratch, size, floor));
      for (const copy of shape.copies) setMemoryCopySize(copy, guard.chargeSize(memoryCopySize(copy), scratch, size, floor));
      for (const grow of shape.grows) setMemoryGrowDelta(grow, guard.chargeSize(memoryGrowDelta(grow), scratch, size, floor, PAGE_SHIFT));
    }
    for (const loop of shape.loops) setLoopBody(loop, guard.prepend(loopBody(loop), scratch, floor));
    if (shape.makesCalls) setFunctionBody(fn, guard.prepend(info.body, scratch, floor));
  }
}

/**
 * Keeps the name section, so traps in plugin code still show function names in stack traces, and the
 * instrumentation can tell the allocator's functions (the SDK build emits through this too).
 */
export function emitWithNames(module: binaryen.Module): Uint8Array<ArrayBuffer> {
  const debugInfo = binaryen.getDebugInfo();
  binaryen.setDebugInfo(true);
  try {
    // A fresh copy out of binaryen's heap, so typed as backed by a plain ArrayBuffer (what WebAssembly.Module takes).
    return module.emitBinary() as Uint8Array<ArrayBuffer>;
  } finally {
    binaryen.setDebugInfo(debugInfo);
  }
}

export function instrumentFuel(wasm: Uint8Array): Uint8Array<ArrayBuffer> {
  let module: binaryen.Module;
  try {
    module = readBinary(wasm, FEATURES);
  } catch (e) {
    throw new InvalidWasmError(`cannot read the module: ${(e as Error).message}`);
  }
  try {
    const refill = fuelFunction(module);
    // Starts empty, so the first guard reached asks the host for fuel (and so checks the clock) at once.
    const counter = unusedName("ferrite.fuel_counter", (n) => module.getGlobal(n) !== 0);
    module.addGlobal(counter, binaryen.i32, true, module.i32.const(0));
    instrumentFunctions(module, new FuelGuard(module, counter, refill));
    return emitWithNames(module);
  } finally {
    module.dispose();
  }
}
