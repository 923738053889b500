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

/** An argument's bytes and length, as the host API's (ptr, len) parameters take them: ferrite_key_find(FERRITE_ARG(argv[1]), …). */
#define FERRITE_ARG(a) FERRITE_ARG_PTR(a), (int32_t)(a).len

/** key_find flags: the caller will change the value; leave access statistics alone. */
#define FERRITE_FIND_WRITE 1
#define FERRITE_FIND_NOTOUCH 2
/** key_set flags: keep the TTL; bind only if absent; bind only if present. */
#define FERRITE_SET_KEEPTTL 1
#define FERRITE_SET_NX 2
#define FERRITE_SET_XX 4

/** What ferrite_type_load answers for bytes it cannot read: the host refuses the value. */
#define FERRITE_LOAD_FAILED (-1.0)

/** A value handle as a C pointer, and back (a handle is an address in the plugin's memory). */
#define FERRITE_HANDLE(p) ((double)(uintptr_t)(p))
#define FERRITE_POINTER(type, h) ((type *)(uintptr_t)(h))

/*
 * Typed save and load fields for ferrite_type_save / ferrite_type_load (and aux state), laid out as the
 * AssemblyScript and Rust SDKs lay them out: numbers are 8 little-endian bytes; bytes are a u32
 * little-endian length, then the bytes.
 */
void ferrite_save_u64(uint64_t v);
void ferrite_save_i64(int64_t v);
void ferrite_save_f64(double v);
void ferrite_save_bytes(const void *ptr, int32_t len);

/** A read cursor over the payload a load callback was given; a read past its end marks it failed. */
typedef struct {
  const uint8_t *at;
  const uint8_t *end;
  int failed;
} ferrite_loader;

ferrite_loader ferrite_load_begin(const void *ptr, int32_t len);
uint64_t ferrite_load_u64(ferrite_loader *l);
int64_t ferrite_load_i64(ferrite_loader *l);
double ferrite_load_f64(ferrite_loader *l);
/** The next bytes field (valid during the load call only: copy it), its length in *len; NULL when short. */
const void *ferrite_load_bytes(ferrite_loader *l, int32_t *len);
/** 1 when every read found its bytes and the whole payload was read; else answer FERRITE_LOAD_FAILED. */
int ferrite_load_done(const ferrite_loader *l);

/** Redis's string2ll: an optional '-', digits without a leading zero (but "0"), within int64_t. 1 and *out, or 0. */
int ferrite_parse_i64(const char *ptr, int32_t len, int64_t *out);

/** Redis's stringmatchlen: does `string` match the glob `pattern` (without case when `nocase`)? 1 or 0. */
int ferrite_glob_match(const char *pattern, int32_t pattern_len, const char *string, int32_t string_len, int nocase);
#endif
