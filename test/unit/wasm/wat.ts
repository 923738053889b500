// Builds test modules from WebAssembly text with binaryen, so each test shows the code it exercises.
import binaryen from "binaryen";

// Everything a test module may need, but none of binaryen's newer encodings (e.g. compact imports) that
// Node 20 cannot read.
const FEATURES =
  binaryen.Features.MutableGlobals |
  binaryen.Features.NontrappingFPToInt |
  binaryen.Features.SIMD128 |
  binaryen.Features.BulkMemory |
  binaryen.Features.BulkMemoryOpt |
  binaryen.Features.SignExt |
  binaryen.Features.Atomics |
  binaryen.Features.ExceptionHandling |
  binaryen.Features.ReferenceTypes |
  binaryen.Features.Multivalue |
  binaryen.Features.TailCall;

/** The module, with a name section like a compiler's debug-friendly output. */
export function wat(text: string): Uint8Array<ArrayBuffer> {
  const module = binaryen.parseText(text);
  const debugInfo = binaryen.getDebugInfo();
  binaryen.setDebugInfo(true);
  try {
    module.setFeatures(FEATURES);
    return module.emitBinary() as Uint8Array<ArrayBuffer>;
  } finally {
    binaryen.setDebugInfo(debugInfo);
    module.dispose();
  }
}
