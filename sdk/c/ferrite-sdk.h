/* The Ferrite SDK for plugins written in C: what the generated ferrite.h (the host API itself) leaves to
 * each plugin, written once. Build with `ferrite-plugin build` (sdk/README.md, "Plugins in C"). */
#ifndef FERRITE_SDK_H
#define FERRITE_SDK_H
#include <stddef.h>
#include <stdint.h>
#include "ferrite.h"

/** One entry of the argument table the host copies into the arena (ADR 0001). */
typedef struct {
  uint32_t ptr;
  uint32_t len;
} ferrite_arg;

/** A command handler: c/commands/<name>.c defines cmd_<name> (`|`, `-` and `.` spelled `_`). */
typedef void (*ferrite_handler)(int32_t argc, const ferrite_arg *argv);

#define FERRITE_ARG_PTR(a) ((const char *)(uintptr_t)(a).ptr)

/** Reply with a C string literal or array (its length known at compile time). */
#define FERRITE_REPLY_ERROR_LITERAL(s) ferrite_reply_error((s), sizeof(s) - 1)
#define FERRITE_REPLY_SIMPLE_LITERAL(s) ferrite_reply_simple((s), sizeof(s) - 1)

typedef void (*ferrite_protected_fn)(void *a, void *b);

/**
 * Run fn(a, b); answer 0 when it returned, 1 when it (or anything it called) called ferrite_throw. The
 * setjmp/longjmp wasi-libc lacks, through the host (host API 1.5 protected_call/unwind): the frames in
 * between are gone, so fn must leave nothing that only they would have released.
 */
int ferrite_try(ferrite_protected_fn fn, void *a, void *b);

/** Unwind to the innermost ferrite_try, which answers 1. */
__attribute__((noreturn)) void ferrite_throw(void);

/** Redis's stringmatchlen: does `string` match the glob `pattern` (without case when `nocase`)? 1 or 0. */
int ferrite_glob_match(const char *pattern, int32_t pattern_len, const char *string, int32_t string_len, int nocase);
#endif
