/* ferrite_arena: where the host copies a command's arguments (ADR 0001). One malloc'ed block, grown only
 * when a command's arguments outgrow it, so the hot path allocates nothing. */
#include <stdlib.h>
#include "ferrite-sdk.h"

static void *arena;
static int32_t arena_size;

int32_t ferrite_arena(int32_t size) {
  if (size > arena_size) {
    int32_t grown = size < 4096 ? 4096 : size + size / 2;
    free(arena);
    arena = malloc((size_t)grown);
    if (!arena) __builtin_trap(); /* the plugin is at its memory cap: the command fails as an OOM */
    arena_size = grown;
  }
  return (int32_t)(uintptr_t)arena;
}
