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
/** SCRIPT FLUSH: a new interpreter, with no scripts. */
void engine_reset(void);

/** Script flags (shebang `#!lua flags=…`), as script.h's SCRIPT_FLAG_*. */
#define SCRIPT_FLAG_NO_WRITES (1 << 0)
#define SCRIPT_FLAG_ALLOW_OOM (1 << 1)
#define SCRIPT_FLAG_ALLOW_STALE (1 << 2)
#define SCRIPT_FLAG_NO_CLUSTER (1 << 3)
#define SCRIPT_FLAG_EVAL_COMPAT_MODE (1 << 4)
#define SCRIPT_FLAG_ALLOW_CROSS_SLOT (1 << 5)

/**
 * Compile `body` into the script cache (a no-op when it is there) and write its sha1 (40 hex digits and
 * a NUL) to `sha`. Returns 0, or -1 after replying the error to the client.
 */
int script_create(const char *body, size_t len, char sha[41]);
/** Push the cached function for the lowercase `sha` and answer 1, or push nothing and answer 0. */
int script_push(const char sha[40]);
/** The flags of the cached script `sha` (SCRIPT_FLAG_*). */
int script_flags(const char sha[40]);
void sha1hex(char *digest, char *script, size_t len);

/** What the script running now may do, and how it talks (redis.setresp). NULL between scripts. */
struct script_run {
  const char *sha;
  int read_only;
  int resp;
};
extern struct script_run *running;

/** EVAL / EVALSHA / EVAL_RO / EVALSHA_RO. */
void eval_command(int32_t argc, const ferrite_arg *argv, int evalsha, int read_only);

/** The Lua value on top of the stack as the script's reply (consumed). */
void reply_from_lua(lua_State *lua);
/** Push the RESP reply in buf as Lua values (Redis's conversion rules); answers the bytes it read. */
size_t resp_to_lua(lua_State *lua, const char *buf, size_t len);
/** Push a redis.pcall-style error table {err = "CODE message"} from "-CODE message" or "message". */
void push_error(lua_State *lua, const char *err, size_t len);
#define PUSH_ERROR_LITERAL(lua, s) push_error((lua), (s), sizeof(s) - 1)

/** The redis table's functions (redis.call, pcall, log, …) and math.random, set on the table on top. */
void register_redis_api(lua_State *lua);
/** Globals' protection, once the state is built (Redis's allow list, then read-only tables). */
void protect_globals(lua_State *lua);
int allow_list_newindex(lua_State *lua);

/** Reply an error built from a C string (with or without its leading '-', CR/LF made spaces). */
void reply_error_text(const char *s, size_t len);
#endif
