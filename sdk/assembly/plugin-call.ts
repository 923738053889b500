// Functions plugins offer each other (host API 1.8 plugin_call): calling one, and answering a call.
//
// Calling: name the function once, at top level, and call it as often as needed; the names are kept as
// bytes and the output is copied into a block the SDK reuses and only grows, so a call allocates
// nothing once that block has reached its working size.
//   const HASH_FIELDS = new PluginFunction("hash", "fields");
//   const n = HASH_FIELDS.call(key, keyLen);   // >= 0, the callee's status, or CALLFAILED
//   … read calledLen bytes at calledOutput() (the error text when n == CALLFAILED)
//
// Offering: a file assembly/functions/<name>.ts exporting `call(input: usize, len: i32): i32` (the build
// tool declares it in the manifest and routes ferrite_function to it); it writes its answer with
// functionOutput and returns a number >= 0 or a status. It is read-only: key writes fail it.
import { plugin_call, plugin_output, result_len, result_read } from "./host.generated";

export { CALLFAILED } from "./host.generated";

let output: usize = 0;
let outputSize: i32 = 0;
/** Bytes of the last call's output at calledOutput(). */
export let calledLen: i32 = 0;

/** Where the last PluginFunction.call left its output (valid until the next call). */
export function calledOutput(): usize {
  return output;
}

/** An ASCII name copied once into a heap block (the host compares bytes). */
function asciiBlock(text: string): usize {
  const block = heap.alloc(<usize>max(text.length, 1));
  for (let i = 0; i < text.length; i++) store<u8>(block + <usize>i, <u8>text.charCodeAt(i));
  return block;
}

export class PluginFunction {
  private plugin: usize;
  private pluginLen: i32;
  private fn: usize;
  private fnLen: i32;

  constructor(plugin: string, fn: string) {
    this.plugin = asciiBlock(plugin);
    this.pluginLen = plugin.length;
    this.fn = asciiBlock(fn);
    this.fnLen = fn.length;
  }

  /**
   * Calls it with `len` bytes at `input`: returns what it returned (>= 0, or a status such as MISSING),
   * or CALLFAILED when it could not run or failed; its output, or the error text, is then at
   * calledOutput() for calledLen bytes.
   */
  call(input: usize, len: i32): i32 {
    return callFunction(this.plugin, this.pluginLen, this.fn, this.fnLen, input, len);
  }
}

/** PluginFunction.call with the plugin's and the function's names given as bytes (names known only at run time). */
export function callFunction(plugin: usize, pluginLen: i32, fn: usize, fnLen: i32, input: usize, len: i32): i32 {
  const status = plugin_call(<i32>plugin, pluginLen, <i32>fn, fnLen, <i32>input, len);
  const n = result_len();
  if (n > outputSize) {
    // Not realloc: the old contents are not needed.
    if (output != 0) heap.free(output);
    outputSize = max(n << 1, 1024);
    output = heap.alloc(<usize>outputSize);
  }
  result_read(<i32>output);
  calledLen = n;
  return status;
}

/** Inside a function's call() (or ferrite_config_check, host API 1.9): appends `len` bytes at `ptr` to its answer. */
export function functionOutput(ptr: usize, len: i32): void {
  plugin_output(<i32>ptr, len);
}
