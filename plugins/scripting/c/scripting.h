/* The scripting plugin's shared declarations. The plugin follows Redis 7.x's eval.c and script_lua.c
 * (Redis Ltd., BSD-3-Clause) closely, so that replies and error texts match byte for byte; where it
 * differs it is because the keyspace is reached through the host API (call_command) instead of call(). */
#ifndef SCRIPTING_H
#define SCRIPTING_H
#include <stddef.h>
#include <stdint.h>
#include "ferrite-sdk.h"
#include "lua.h"

/** The one interpreter state, in this instance's memory (a fresh instance starts a fresh one). */
lua_State *engine(void);
/** A new interpreter built as Redis's scriptingInit builds it (EVAL's, and FUNCTION's base). */
lua_State *engine_build(void);
/** SCRIPT FLUSH: a new interpreter, with no scripts. */
void engine_reset(void);
/** Push __redis__err__handler, the handler every script and function runs under. */
void push_error_handler(lua_State *lua);

/** Script flags (shebang `#!lua flags=…`), as script.h's SCRIPT_FLAG_*. */
#define SCRIPT_FLAG_NO_WRITES (1 << 0)
#define SCRIPT_FLAG_ALLOW_OOM (1 << 1)
#define SCRIPT_FLAG_ALLOW_STALE (1 << 2)
#define SCRIPT_FLAG_NO_CLUSTER (1 << 3)
#define SCRIPT_FLAG_EVAL_COMPAT_MODE (1 << 4)
#define SCRIPT_FLAG_ALLOW_CROSS_SLOT (1 << 5)
/** The flags a script or function may declare, by name, in Redis's order (scripts_flags_def). */
#define SCRIPT_FLAG_COUNT 5
struct script_flag {
  int flag;
  const char *name;
};
extern const struct script_flag SCRIPT_FLAGS[SCRIPT_FLAG_COUNT];

/**
 * A script's shebang flags (SCRIPT_FLAG_EVAL_COMPAT_MODE without one), or -1 for one Redis refuses,
 * after replying the error when `reply`; `*skip` is the shebang's length.
 */
int shebang_flags(const char *body, size_t len, size_t *skip, int reply);
/**
 * Compile `body` into the script cache (a no-op when it is there) and write its sha1 (40 hex digits and
 * a NUL) to `sha`. Returns 0, or -1 after replying the error to the client.
 */
int script_create(const char *body, size_t len, char sha[41]);
/**
 * Push the cached function for `sha` (either case) and answer 1 with its flags (SCRIPT_FLAG_*) in
 * `*flags` when `flags` is not NULL, or push nothing and answer 0.
 */
int script_push(const char sha[40], int *flags);
/** Forget what script_push remembered of the interpreter (SCRIPT FLUSH closes it). */
void script_cache_clear(void);
void sha1hex(char *digest, char *script, size_t len);

/** What the script running now may do, and how it talks (redis.setresp). NULL between scripts. */
struct script_run {
  const char *sha;
  int read_only;
  int resp;
  /** FCALL's family (FUNCTION KILL) rather than EVAL's (SCRIPT KILL). */
  int is_function;
  /**
   * Set by SCRIPT KILL / FUNCTION KILL, which the host runs while the script is busy (ADR 0038): the
   * count hook turns it into the script's error. Those commands run re-entrantly at any point of the
   * engine, so they and FUNCTION STATS touch only this struct, never Lua or the allocator.
   */
  volatile int killed;
  /** When it started (time_us), for FUNCTION STATS. */
  int64_t started_us;
  /** The command that runs it, in the host's arena: valid only until the host runs another command. */
  int32_t argc;
  const ferrite_arg *argv;
  /**
   * What FUNCTION STATS shows while the script is busy, copied by the count hook's first run (a safe
   * point, long before the host can run another command, which overwrites the arena): the command
   * (a malloc'ed argument table followed by its bytes) and the engine's counts. NULL until then.
   */
  ferrite_arg *saved_argv;
  int libraries_count;
  int functions_count;
};
extern struct script_run *running;

/** EVAL / EVALSHA / EVAL_RO / EVALSHA_RO. */
void eval_command(int32_t argc, const ferrite_arg *argv, int evalsha, int read_only);
/** getLongLongFromObject on numkeys: 0, or -1 when it is not a decimal integer in range. */
int parse_numkeys(const ferrite_arg *a, long long *out);
/**
 * Run the function on top of the stack (the error handler below it) and reply what it answers:
 * luaCallFunction. `name` names it in errors (the sha1 or the function's name); EVAL's KEYS and ARGV
 * are globals, a function's are its two arguments (`as_arguments`).
 */
void run_script(lua_State *lua, const char *name, int flags, int read_only, int32_t argc, const ferrite_arg *argv,
                long long nkeys, int as_arguments);
/** SCRIPT KILL / FUNCTION KILL once the host's checks passed: NOTBUSY, or mark the script killed. */
void kill_running(void);
/** The number of entries of a table in the registry (`__libs`, `__funcs`). */
int registry_count(lua_State *lua, const char *registry_table);

/** The functions' interpreter and libraries (functions.c). */
lua_State *functions_engine(void);
/** FUNCTION FLUSH: a new interpreter, with no libraries. */
void functions_reset(void);
/**
 * FUNCTION LOAD's functionsCreateWithLibraryCtx: load `code` as a library. Answers 0 and pushes the
 * library's name, or -1 and pushes the error text (without its ERR code).
 */
enum load_mode { LOAD_NEW, LOAD_REPLACE, RESTORE_APPEND };
int library_load(const char *code, size_t len, enum load_mode mode);
/** Push the table of the function registered as `name` (callback, flags, description) or answer 0. */
int function_lookup(lua_State *lua, const char *name, size_t len);
/** FCALL's lookup (function-cache.c): push the function's registered name and its callback, and set its flags; or answer 0. */
int function_push(lua_State *lua, const char *name, size_t len, int *flags);
/** Forget every cached lookup: __funcs changed. */
void function_cache_clear(lua_State *lua);
/** FUNCTION DELETE: 0, or -1 when there is no such library. */
int library_delete(const char *name, size_t len);
/** addReplySubcommandSyntaxError for FUNCTION's subcommands, naming the subcommand as it was typed. */
void reply_subcommand_syntax_error(const ferrite_arg *subcommand);
/** FCALL / FCALL_RO. */
void fcall_command(int32_t argc, const ferrite_arg *argv, int read_only);
/** Push FUNCTION DUMP's payload (also the snapshot's aux record): every library's source. */
void payload_push(lua_State *lua);
/** Hand the payload to `emit` (ferrite_reply_bulk, ferrite_save_write). */
void payload_emit(void (*emit)(const void *ptr, int32_t len));
/** Whether the payload is well formed (magic, lengths that add up). */
int payload_valid(const char *buf, size_t len);
/** Load every library of a valid payload; -1 with the error text pushed, on the first that fails. */
int payload_load(const char *buf, size_t len, enum load_mode mode);

/** The Lua value on top of the stack as the script's reply (consumed). */
void reply_from_lua(lua_State *lua);
/** Push the RESP reply in buf as Lua values (Redis's conversion rules); answers the bytes it read. */
size_t resp_to_lua(lua_State *lua, const char *buf, size_t len);
/** Push a redis.pcall-style error table {err = "CODE message"} from "-CODE message" or "message". */
void push_error(lua_State *lua, const char *err, size_t len);
#define PUSH_ERROR_LITERAL(lua, s) push_error((lua), (s), sizeof(s) - 1)

/**
 * XREAD / XREADGROUP with BLOCK, which scripts may not run: the error (`-ERR …`) into `err` (`cap` bytes) and
 * its length, or 0 for any other command line.
 */
int stream_block_refusal(const ferrite_arg *args, int argc, char *err, size_t cap);

/** The redis table's functions (redis.call, pcall, log, …) and math.random, set on the table on top. */
void register_redis_api(lua_State *lua);
/** Globals' protection, once the state is built (Redis's allow list, then read-only tables). */
void protect_globals(lua_State *lua);
int allow_list_newindex(lua_State *lua);

/** addReplyHelp: the header naming `command`, the lines, and HELP's own, as status strings. */
void reply_help(const char *command, const char *const *lines, int count);
/** SCRIPT FLUSH's and FUNCTION FLUSH's mode argument (the third): 1 when it is SYNC or ASYNC, without case. */
int is_flush_mode(const ferrite_arg *mode);
/** Reply an error built from a C string (with or without its leading '-', CR/LF made spaces). */
void reply_error_text(const char *s, size_t len);
#endif
