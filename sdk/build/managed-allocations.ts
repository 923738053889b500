// Finds managed allocations a plugin makes while serving calls. Plugins are compiled with
// `--runtime minimal` and the host never triggers a collection, so every `new Array`, `new Map`, string
// built at run time or managed class instance a command creates stays allocated forever: a slow leak that
// no test notices. Top-level code runs once (the start function, ferrite_init) and may allocate.
//
// The check reads the unoptimized module, whose functions still carry their source names
// (`assembly/commands/hello.greet/run`, `~lib/array/Array<i32>#constructor`), and follows direct calls
// from the exports the host calls repeatedly down to the runtime's object allocator.
import binaryen from "binaryen";
import { FEATURES } from "../../runtime/src/plugin/wasm/instrument.js";

/** AssemblyScript's managed-object allocators (`__new`, and `__renew` which grows one). */
const MANAGED_ALLOCATOR = /^~lib\/rt\/\w+\/__(new|renew)$/;
/** What a class constructor calls to allocate its object: reported as `new`, like a direct allocation. */
const OBJECT_CONSTRUCTOR = "~lib/object/Object#constructor";
/** The SDK's own code is walked like the plugin's: a managed allocation there would be the SDK's bug. */
const LIBRARY = /^~lib\/(?!ferrite-sdk\/)/;
/** Exports called once, at load: allocating there is a one-time cost, not a leak. */
const ONCE = new Set(["ferrite_init", "ferrite_aux_load", "~start"]);

/** What to use instead, by the library function that allocates. */
const ALTERNATIVES: [RegExp, string][] = [
  [/^~lib\/(string|number|util\/number|util\/string)\//, "For a string built at run time (concatenation, toString…), write its bytes into a memory.data(n) buffer and reply with replyBulk(ptr, len) (formatI64/formatDouble write numbers)"],
  [/^~lib\/(map|set)\//, "For a Map or Set, use collections/byte-map (bmCreate … bmFree)"],
  [/^~lib\/(array|staticarray|typedarray|arraybuffer)\//, "For an array or buffer, heap.alloc a block and heap.free it, or use memory.data(n) for a fixed scratch buffer"],
];
const DEFAULT_ALTERNATIVE = "For an object, declare its class @unmanaged (then `new` takes a heap.alloc block) and heap.free it";

// The typings declare readBinary with one parameter; binaryen.js takes the features as a second.
const readBinary = binaryen.readBinary as (wasm: Uint8Array, features: binaryen.Features) => binaryen.Module;

/** Each defined function's direct callees, from the text format (`$name` or `$"name with spaces"`). */
function callGraph(text: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const chunk of text.split("\n (func ").slice(1)) {
    const name = /^\$("[^"]*"|\S+)/.exec(chunk)?.[1];
    if (!name) continue;
    const callees = new Set<string>();
    for (const call of chunk.matchAll(/\(call \$("[^"]*"|\S+)/g)) callees.add(unquote(call[1]));
    graph.set(unquote(name), callees);
  }
  return graph;
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1) : name;
}

/** Functions from which a managed allocation is reachable. */
function allocating(graph: Map<string, Set<string>>): Set<string> {
  const found = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [fn, callees] of graph) {
      if (found.has(fn)) continue;
      if ([...callees].some((c) => MANAGED_ALLOCATOR.test(c) || found.has(c))) {
        found.add(fn);
        changed = true;
      }
    }
  }
  return found;
}

/** `assembly/commands/hello.greet/run` → `assembly/commands/hello.greet.ts, function run`. */
function place(fn: string): string {
  const slash = fn.lastIndexOf("/");
  if (slash < 0) return fn;
  return `${fn.slice(0, slash)}.ts, ${fn.slice(slash + 1).replace(/^start:/, "top level")}`;
}

function alternative(library: string): string {
  return ALTERNATIVES.find(([re]) => re.test(library))?.[1] ?? DEFAULT_ALTERNATIVE;
}

/**
 * One warning per plugin (or SDK) function that calls into an allocation, with the library functions
 * it calls and what to use instead. `wasm` is the compiler's unoptimized output.
 */
export function managedAllocationWarnings(wasm: Uint8Array): string[] {
  const m = readBinary(wasm, FEATURES);
  let graph: Map<string, Set<string>>;
  const roots: string[] = [];
  try {
    graph = callGraph(m.emitText());
    for (let i = 0; i < m.getNumExports(); i++) {
      const info = binaryen.getExportInfo(m.getExportByIndex(i));
      if (info.kind === binaryen.ExternalFunction && !ONCE.has(info.name)) roots.push(info.value);
    }
  } finally {
    m.dispose();
  }
  const reaches = allocating(graph);
  // Walk the plugin's own functions from the roots; stop at the first library function on each path.
  const culprits = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const visit = (fn: string): void => {
    if (seen.has(fn) || !reaches.has(fn)) return;
    seen.add(fn);
    for (const callee of graph.get(fn) ?? []) {
      const direct = MANAGED_ALLOCATOR.test(callee);
      if (direct || (LIBRARY.test(callee) && reaches.has(callee))) {
        const what = culprits.get(fn) ?? new Set<string>();
        what.add(direct || callee === OBJECT_CONSTRUCTOR ? "new" : callee);
        culprits.set(fn, what);
      } else visit(callee);
    }
  };
  for (const root of roots) visit(root);
  return [...culprits].map(([fn, libs]) => {
    const list = [...libs];
    const hints = [...new Set(list.map(alternative))];
    return `${place(fn)}: managed allocation (${list.join(", ")}) on a command's path, never freed: a plugin has no garbage collector. ${hints.join(". ")}`;
  });
}
