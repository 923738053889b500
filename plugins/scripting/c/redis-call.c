/* redis.call and redis.pcall: the command goes through the host's call_command, which routes, checks
 * (ACL as the calling user, OOM, Redis's script rules with flags 4 and 8) and runs it like a client's,
 * then its reply comes back as Lua values. redis.call raises an error reply; redis.pcall returns it.
 * redis.acl_check_cmd asks the same funnel to check only (flag 16). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scripting.h"
#include "lauxlib.h"

#define AS_SCRIPT 4
#define READ_ONLY 8
#define CHECK_ONLY 16
#define RESP3 1

/** The argument table and bytes of the call being made, and the reply read back: reused across calls. */
static ferrite_arg *args;
static int args_cap;
static char *bytes;
static size_t bytes_cap;
static char *reply;
static size_t reply_cap;

static void *grow(void *p, size_t *cap, size_t need) {
  if (need <= *cap) return p;
  size_t size = need < 256 ? 256 : need + need / 2;
  p = realloc(p, size);
  if (!p) __builtin_trap(); /* at the plugin's memory cap: the command fails as an OOM */
  *cap = size;
  return p;
}

/**
 * luaArgsToRedisArgv: every argument a string or a number (numbers as %.17g, not Lua's lossy %.14g).
 * Answers argc, or -1 with the error table pushed.
 */
static int build_args(lua_State *lua) {
  int argc = lua_gettop(lua);
  if (argc == 0) {
    PUSH_ERROR_LITERAL(lua, "Please specify at least one argument for this redis lib call");
    return -1;
  }
  size_t total = 0;
  for (int j = 1; j <= argc; j++) {
    int t = lua_type(lua, j);
    if (t == LUA_TNUMBER) total += 32;
    else if (t == LUA_TSTRING) total += lua_strlen(lua, j);
    else {
      lua_pop(lua, argc);
      PUSH_ERROR_LITERAL(lua, "Lua redis lib command arguments must be strings or integers");
      return -1;
    }
  }
  size_t cap = (size_t)args_cap * sizeof(ferrite_arg);
  args = grow(args, &cap, (size_t)argc * sizeof(ferrite_arg));
  args_cap = (int)(cap / sizeof(ferrite_arg));
  bytes = grow(bytes, &bytes_cap, total + 1);
  size_t at = 0;
  for (int j = 1; j <= argc; j++) {
    size_t len;
    if (lua_type(lua, j) == LUA_TNUMBER) {
      len = (size_t)snprintf(bytes + at, 32, "%.17g", (double)lua_tonumber(lua, j));
    } else {
      const char *s = lua_tolstring(lua, j, &len);
      memcpy(bytes + at, s, len);
    }
    args[j - 1].ptr = (uint32_t)(uintptr_t)(bytes + at);
    args[j - 1].len = (uint32_t)len;
    at += len;
  }
  lua_pop(lua, argc);
  return argc;
}

static int generic_call(lua_State *lua, int raise_error) {
  if (!running) {
    PUSH_ERROR_LITERAL(lua, "redis.call/pcall can only be called inside a script invocation");
    return lua_error(lua);
  }
  int argc = build_args(lua);
  if (argc < 0) return raise_error ? lua_error(lua) : 1;
  char refusal[128];
  int refused = stream_block_refusal(args, argc, refusal, sizeof refusal);
  if (refused) {
    push_error(lua, refusal, (size_t)refused);
    return raise_error ? lua_error(lua) : 1;
  }
  int flags = AS_SCRIPT | (running->read_only ? READ_ONLY : 0) | (running->resp == 3 ? RESP3 : 0);
  int32_t len = ferrite_call_command(args, argc, flags);
  reply = grow(reply, &reply_cap, (size_t)len + 1);
  ferrite_result_read(reply);
  reply[len] = 0; /* the parser finds line ends with strchr */
  if (raise_error && reply[0] != '-') raise_error = 0;
  resp_to_lua(lua, reply, (size_t)len);
  return raise_error ? lua_error(lua) : 1;
}

static int redis_call(lua_State *lua) {
  return generic_call(lua, 1);
}

static int redis_pcall(lua_State *lua) {
  return generic_call(lua, 0);
}

/**
 * redis.acl_check_cmd (luaRedisAclCheckCmdPermissionsCommand): whether the calling user's ACL allows the
 * command line, without running it: call_command's CHECK_ONLY (host API 1.9) answers :1 or :0, an
 * unknown command's error (raised as Redis raises it), or another refusal the call would meet (arity,
 * OOM…), which Redis does not ask about: the ACL allowed it.
 */
static int redis_acl_check_cmd(lua_State *lua) {
  if (!running) {
    PUSH_ERROR_LITERAL(lua, "redis.acl_check_cmd can only be called inside a script invocation");
    return lua_error(lua);
  }
  int argc = build_args(lua);
  if (argc < 0) return lua_error(lua);
  int32_t len = ferrite_call_command(args, argc, AS_SCRIPT | CHECK_ONLY);
  reply = grow(reply, &reply_cap, (size_t)len + 1);
  ferrite_result_read(reply);
  if (len >= 26 && memcmp(reply, "-ERR Unknown Redis command", 26) == 0) {
    PUSH_ERROR_LITERAL(lua, "Invalid command passed to redis.acl_check_cmd()");
    return lua_error(lua);
  }
  lua_pushboolean(lua, !(len >= 2 && reply[0] == ':' && reply[1] == '0'));
  return 1;
}

void register_calls(lua_State *lua) {
  lua_pushstring(lua, "call");
  lua_pushcfunction(lua, redis_call);
  lua_settable(lua, -3);
  lua_pushstring(lua, "pcall");
  lua_pushcfunction(lua, redis_pcall);
  lua_settable(lua, -3);
  lua_pushstring(lua, "acl_check_cmd");
  lua_pushcfunction(lua, redis_acl_check_cmd);
  lua_settable(lua, -3);
}
