// The custom data type contract. A plugin whose plugin.json declares `types` implements, in
// `assembly/types.ts`, these exports (the build tool re-exports them and fails if one is missing):
//
//   ferrite_type_free(type: i32, handle: f64): void          release the value's memory
//   ferrite_type_save(type: i32, handle: f64): void          serialize it through saveWrite(ptr, len)
//   ferrite_type_load(type: i32, encver: i32, ptr: usize, len: i32): f64
//                                                            rebuild it from saved bytes, or LOAD_FAILED
//   ferrite_type_copy(type: i32, handle: f64): f64           an independent copy (COPY)
//   ferrite_type_memory(type: i32, handle: f64): f64         bytes it uses (MEMORY USAGE, tiers): O(1),
//                                                            run after every write to the value
//   ferrite_type_encoding(type: i32, handle: f64): i32       index into the type's `encodings`
//
// `type` is the index of the type in plugin.json's `types`; a handle is whatever the plugin chose to
// identify a value (usually the pointer of a heap.alloc block). Values must live in heap.alloc'ed
// memory, never in GC-managed objects: the runtime is --runtime minimal and nothing ever collects.

/** What ferrite_type_load returns for bytes it cannot read. */
export const LOAD_FAILED: f64 = -1;

/** A handle as the pointer it carries. */
// @ts-ignore: decorator
@inline export function handlePtr(handle: f64): usize { return <usize>handle; }

/** A pointer as a handle. */
// @ts-ignore: decorator
@inline export function ptrHandle(ptr: usize): f64 { return <f64>ptr; }
