// Walking and editing binaryen IR through binaryen's C API, which binaryen.js exposes but its typings
// do not (and which skips the wrapper objects of its JS API). The walk knows only the node kinds of the
// features plugins may use, and fails on any other: an expression we cannot look inside could hide an
// uninstrumented loop, and exception handling (try/catch_all) could swallow the budget exception.
import binaryen from "binaryen";
import { InvalidWasmError } from "./binary-reader.js";

type CFunction = (...args: number[]) => number;
type ChildReader = (expr: number, out: number[]) => void;

const capi = binaryen as unknown as Record<string, CFunction | undefined>;

function cFunction(name: string): CFunction {
  const fn = capi[`_Binaryen${name}`];
  if (typeof fn !== "function") throw new Error(`binaryen has no C API function Binaryen${name}`);
  return fn;
}

/** A node with fixed child slots; an empty slot (an if without else, a bare return) reads as 0. */
function slots(kind: string, ...names: string[]): ChildReader {
  const getters = names.map((name) => cFunction(`${kind}Get${name}`));
  return (expr, out) => {
    for (const get of getters) {
      const child = get(expr);
      if (child) out.push(child);
    }
  };
}

/** A node with a variable-length child list, plus optional fixed slots. */
function list(kind: string, item: string, items: string, ...names: string[]): ChildReader {
  const count = cFunction(`${kind}GetNum${items}`);
  const at = cFunction(`${kind}Get${item}At`);
  const fixed = slots(kind, ...names);
  return (expr, out) => {
    for (let i = 0, n = count(expr); i < n; i++) out.push(at(expr, i));
    fixed(expr, out);
  };
}

const leaf: ChildReader = () => {};

const readers = new Map<number, ChildReader>([
  [binaryen.BlockId, list("Block", "Child", "Children")],
  [binaryen.IfId, slots("If", "Condition", "IfTrue", "IfFalse")],
  [binaryen.LoopId, slots("Loop", "Body")],
  [binaryen.BreakId, slots("Break", "Condition", "Value")],
  [binaryen.SwitchId, slots("Switch", "Condition", "Value")],
  [binaryen.CallId, list("Call", "Operand", "Operands")],
  [binaryen.CallIndirectId, list("CallIndirect", "Operand", "Operands", "Target")],
  [binaryen.LocalGetId, leaf],
  [binaryen.LocalSetId, slots("LocalSet", "Value")],
  [binaryen.GlobalGetId, leaf],
  [binaryen.GlobalSetId, slots("GlobalSet", "Value")],
  [binaryen.LoadId, slots("Load", "Ptr")],
  [binaryen.StoreId, slots("Store", "Ptr", "Value")],
  [binaryen.ConstId, leaf],
  [binaryen.UnaryId, slots("Unary", "Value")],
  [binaryen.BinaryId, slots("Binary", "Left", "Right")],
  [binaryen.SelectId, slots("Select", "IfTrue", "IfFalse", "Condition")],
  [binaryen.DropId, slots("Drop", "Value")],
  [binaryen.ReturnId, slots("Return", "Value")],
  [binaryen.MemorySizeId, leaf],
  [binaryen.MemoryGrowId, slots("MemoryGrow", "Delta")],
  [binaryen.NopId, leaf],
  [binaryen.UnreachableId, leaf],
  [binaryen.SIMDExtractId, slots("SIMDExtract", "Vec")],
  [binaryen.SIMDReplaceId, slots("SIMDReplace", "Vec", "Value")],
  [binaryen.SIMDShuffleId, slots("SIMDShuffle", "Left", "Right")],
  [binaryen.SIMDTernaryId, slots("SIMDTernary", "A", "B", "C")],
  [binaryen.SIMDShiftId, slots("SIMDShift", "Vec", "Shift")],
  [binaryen.SIMDLoadId, slots("SIMDLoad", "Ptr")],
  [binaryen.SIMDLoadStoreLaneId, slots("SIMDLoadStoreLane", "Ptr", "Vec")],
  [binaryen.MemoryInitId, slots("MemoryInit", "Dest", "Offset", "Size")],
  [binaryen.DataDropId, leaf],
  [binaryen.MemoryCopyId, slots("MemoryCopy", "Dest", "Source", "Size")],
  [binaryen.MemoryFillId, slots("MemoryFill", "Dest", "Value", "Size")],
]);

const kindNames = new Map<number, string>(
  Object.entries(binaryen)
    .filter(([key, value]) => key.endsWith("Id") && typeof value === "number")
    .map(([key, value]) => [value as number, key.slice(0, -2)]),
);

export const expressionId = cFunction("ExpressionGetId");
export const loopBody = cFunction("LoopGetBody");
export const setLoopBody: (loop: number, body: number) => void = cFunction("LoopSetBody");
export const addFunctionLocal: (fn: number, type: number) => number = cFunction("FunctionAddVar");
export const setFunctionBody: (fn: number, body: number) => void = cFunction("FunctionSetBody");
export const blockInsertChildAt: (block: number, index: number, child: number) => void = cFunction("BlockInsertChildAt");
export const memoryGrowDelta = cFunction("MemoryGrowGetDelta");
export const setMemoryGrowDelta: (grow: number, delta: number) => void = cFunction("MemoryGrowSetDelta");
export const memoryFillSize = cFunction("MemoryFillGetSize");
export const setMemoryFillSize: (fill: number, size: number) => void = cFunction("MemoryFillSetSize");
export const memoryCopySize = cFunction("MemoryCopyGetSize");
export const setMemoryCopySize: (copy: number, size: number) => void = cFunction("MemoryCopySetSize");

/** Appends the children of `expr` (whose id is `id`) to `out`. */
export function pushChildren(expr: number, id: number, out: number[]): void {
  const read = readers.get(id);
  if (!read) throw new InvalidWasmError(`uses the instruction kind '${kindNames.get(id) ?? id}', which plugins may not use`);
  read(expr, out);
}
