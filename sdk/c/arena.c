/* ferrite_arena: where the host copies a command's arguments (ADR 0001). One malloc'ed block, grown only
 * when a command's arguments outgrow it, so the hot path allocates nothing. */
#include <stdlib.h>
#include "ferrite-sdk.h"

static void *arena;
static int32_t arena_size;

/*
 * A C plugin is a reactor: instantiated once, then called. wasm-ld takes a module that never calls
 * __wasm_call_ctors itself for a WASI command and wraps every export to run the constructors before and
 * the destructors (atexit handlers, stdio's flush) after each call: two calls and wasi-libc's stdio
 * teardown per command and per protected call (ADR 0055). Calling them here instead, once, makes it a
 * reactor. ferrite_arena is the host's first call into an instance that gets bytes (a command, a load,
 * ferrite_init with arguments); the destructors never run: an instance is dropped, not exited, and stdio
 * has nowhere to write (wasi-stubs.c).
 */
extern void __wasm_call_ctors(void);
static int constructed;

int32_t ferrite_arena(int32_t size) {
  if (!constructed) {
    constructed = 1;
    __wasm_call_ctors();
  }
  if (size > arena_size) {
    int32_t grown = size < 4096 ? 4096 : size + size / 2;
    free(arena);
    arena = malloc((size_t)grown);
    if (!arena) __builtin_trap(); /* the plugin is at its memory cap: the command fails as an OOM */
    arena_size = grown;
  }
  return (int32_t)(uintptr_t)arena;
}
