/* The rest of the redis table (script_lua.c luaRegisterRedisAPI, eval.c scriptingInit) and Redis's
 * math.random, which gives the same sequence on every platform (rand.c's redisLrand48). */
#include <math.h>
#include <string.h>
#include "scripting.h"
#include "lauxlib.h"
#include "rand.h"

/* Redis 7.2 is the reference (the server's INFO says the same version). */
#define REDIS_VERSION "7.2.4"
#define REDIS_VERSION_NUM 0x00070204
#define PROPAGATE_AOF 1
#define PROPAGATE_REPL 2

void register_calls(lua_State *lua);

static void set_function(lua_State *lua, const char *name, lua_CFunction f) {
  lua_pushstring(lua, name);
  lua_pushcfunction(lua, f);
  lua_settable(lua, -3);
}

static void set_number(lua_State *lua, const char *name, lua_Number n) {
  lua_pushstring(lua, name);
  lua_pushnumber(lua, n);
  lua_settable(lua, -3);
}

static int fail(lua_State *lua, const char *msg) {
  push_error(lua, msg, strlen(msg));
  return lua_error(lua);
}

static int redis_log(lua_State *lua) {
  int argc = lua_gettop(lua);
  if (argc < 2) return fail(lua, "redis.log() requires two arguments or more.");
  if (!lua_isnumber(lua, -argc)) return fail(lua, "First argument must be a number (log level).");
  int level = (int)lua_tonumber(lua, -argc);
  if (level < 0 || level > 3) return fail(lua, "Invalid debug level.");
  luaL_Buffer b;
  luaL_buffinit(lua, &b);
  for (int j = 1; j < argc; j++) {
    size_t len;
    const char *s = lua_tolstring(lua, -argc + j, &len);
    if (s) {
      if (j != 1) luaL_addchar(&b, ' ');
      luaL_addlstring(&b, s, len);
    }
  }
  luaL_pushresult(&b);
  size_t len;
  const char *line = lua_tolstring(lua, -1, &len);
  ferrite_log(level, line, (int32_t)len);
  return 0;
}

static int redis_setresp(lua_State *lua) {
  if (!running) return fail(lua, "redis.setresp can only be called inside a script invocation");
  if (lua_gettop(lua) != 1) return fail(lua, "redis.setresp() requires one argument.");
  int resp = (int)lua_tonumber(lua, -1);
  if (resp != 2 && resp != 3) return fail(lua, "RESP version must be 2 or 3.");
  running->resp = resp;
  return 0;
}

static int redis_sha1hex(lua_State *lua) {
  if (lua_gettop(lua) != 1) return fail(lua, "wrong number of arguments");
  char digest[41];
  size_t len;
  char *s = (char *)lua_tolstring(lua, 1, &len);
  sha1hex(digest, s, len);
  lua_pushstring(lua, digest);
  return 1;
}

static int redis_error_reply(lua_State *lua) {
  if (lua_gettop(lua) != 1 || lua_type(lua, -1) != LUA_TSTRING) {
    PUSH_ERROR_LITERAL(lua, "wrong number or type of arguments");
    return 1;
  }
  /* a '-' is added when missing, so the code is the first word */
  const char *err = lua_tostring(lua, -1);
  if (err[0] != '-') {
    lua_pushstring(lua, "-");
    lua_pushvalue(lua, -2);
    lua_concat(lua, 2);
    err = lua_tostring(lua, -1);
  }
  push_error(lua, err, strlen(err));
  return 1;
}

static int redis_status_reply(lua_State *lua) {
  if (lua_gettop(lua) != 1 || lua_type(lua, -1) != LUA_TSTRING) {
    PUSH_ERROR_LITERAL(lua, "wrong number or type of arguments");
    return 1;
  }
  lua_newtable(lua);
  lua_pushstring(lua, "ok");
  lua_pushvalue(lua, -3);
  lua_settable(lua, -3);
  return 1;
}

/* Effects are what the server replicates and logs (every write a script makes reaches the AOF as
 * itself), so the flags are checked as Redis checks them and otherwise change nothing. */
static int redis_set_repl(lua_State *lua) {
  if (!running) return fail(lua, "redis.set_repl can only be called inside a script invocation");
  if (lua_gettop(lua) != 1) return fail(lua, "redis.set_repl() requires two arguments.");
  int flags = (int)lua_tonumber(lua, -1);
  if ((flags & ~(PROPAGATE_AOF | PROPAGATE_REPL)) != 0)
    return fail(lua, "Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.");
  return 0;
}

static int redis_replicate_commands(lua_State *lua) {
  lua_pushboolean(lua, 1);
  return 1;
}

/* The Lua debugger (SCRIPT DEBUG) is not offered: breakpoint answers false and debug does nothing, as
 * in Redis when no debugging session is active. */
static int redis_breakpoint(lua_State *lua) {
  lua_pushboolean(lua, 0);
  return 1;
}

static int redis_debug(lua_State *lua) {
  return 0;
}

/* math.random as Lua ships it, with rand() replaced by redisLrand48(). */
static int math_random(lua_State *L) {
  if (!running) return luaL_error(L, "math.random can only be called inside a script invocation");
  lua_Number r = (lua_Number)(redisLrand48() % REDIS_LRAND48_MAX) / (lua_Number)REDIS_LRAND48_MAX;
  switch (lua_gettop(L)) {
    case 0:
      lua_pushnumber(L, r);
      break;
    case 1: {
      int u = luaL_checkint(L, 1);
      luaL_argcheck(L, 1 <= u, 1, "interval is empty");
      lua_pushnumber(L, floor(r * u) + 1);
      break;
    }
    case 2: {
      int l = luaL_checkint(L, 1);
      int u = luaL_checkint(L, 2);
      luaL_argcheck(L, l <= u, 2, "interval is empty");
      lua_pushnumber(L, floor(r * (u - l + 1)) + l);
      break;
    }
    default:
      return luaL_error(L, "wrong number of arguments");
  }
  return 1;
}

static int math_randomseed(lua_State *L) {
  if (!running) return luaL_error(L, "math.randomseed can only be called inside a script invocation");
  redisSrand48(luaL_checkint(L, 1));
  return 0;
}

void register_redis_api(lua_State *lua) {
  register_calls(lua);
  set_function(lua, "log", redis_log);
  set_number(lua, "LOG_DEBUG", 0);
  set_number(lua, "LOG_VERBOSE", 1);
  set_number(lua, "LOG_NOTICE", 2);
  set_number(lua, "LOG_WARNING", 3);
  set_number(lua, "REDIS_VERSION_NUM", REDIS_VERSION_NUM);
  lua_pushstring(lua, "REDIS_VERSION");
  lua_pushstring(lua, REDIS_VERSION);
  lua_settable(lua, -3);
  set_function(lua, "setresp", redis_setresp);
  set_function(lua, "sha1hex", redis_sha1hex);
  set_function(lua, "error_reply", redis_error_reply);
  set_function(lua, "status_reply", redis_status_reply);
  set_function(lua, "set_repl", redis_set_repl);
  set_number(lua, "REPL_NONE", 0);
  set_number(lua, "REPL_AOF", PROPAGATE_AOF);
  set_number(lua, "REPL_SLAVE", PROPAGATE_REPL);
  set_number(lua, "REPL_REPLICA", PROPAGATE_REPL);
  set_number(lua, "REPL_ALL", PROPAGATE_AOF | PROPAGATE_REPL);
  set_function(lua, "breakpoint", redis_breakpoint);
  set_function(lua, "debug", redis_debug);
  set_function(lua, "replicate_commands", redis_replicate_commands);

  /* math is a global by now: swap its random functions */
  lua_getglobal(lua, "math");
  set_function(lua, "random", math_random);
  set_function(lua, "randomseed", math_randomseed);
  lua_pop(lua, 1);
}
