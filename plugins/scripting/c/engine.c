/* The interpreter: built as Redis's scriptingInit builds it (eval.c), with its libraries and only those,
 * the redis table, the pcall error handler, and globals locked once everything is in place. */
#include <string.h>
#include "scripting.h"
#include "lauxlib.h"
#include "lualib.h"

LUALIB_API int(luaopen_cjson)(lua_State *L);
LUALIB_API int(luaopen_struct)(lua_State *L);
LUALIB_API int(luaopen_cmsgpack)(lua_State *L);
LUALIB_API int(luaopen_bit)(lua_State *L);

static lua_State *state;

static void load_lib(lua_State *lua, const char *name, lua_CFunction open) {
  lua_pushcfunction(lua, open);
  lua_pushstring(lua, name);
  lua_call(lua, 1, 0);
}

/** Redis's luaRedisPcall: pcall answers a redis.call error's message, not its table (Redis 6 scripts). */
static int redis_pcall(lua_State *lua) {
  int argc = lua_gettop(lua);
  lua_pushboolean(lua, 1);
  lua_insert(lua, 1);
  if (lua_pcall(lua, argc - 1, LUA_MULTRET, 0)) {
    lua_remove(lua, 1);
    if (lua_istable(lua, -1)) {
      lua_getfield(lua, -1, "err");
      if (lua_isstring(lua, -1)) lua_replace(lua, -2);
    }
    lua_pushboolean(lua, 0);
    lua_insert(lua, 1);
  }
  return lua_gettop(lua);
}

/* The handler every script runs under: adds where the error happened (eval.c, scriptingInit). */
static const char ERROR_HANDLER[] =
    "local dbg = debug\n"
    "debug = nil\n"
    "function __redis__err__handler(err)\n"
    "  local i = dbg.getinfo(2,'nSl')\n"
    "  if i and i.what == 'C' then\n"
    "    i = dbg.getinfo(3,'nSl')\n"
    "  end\n"
    "  if type(err) ~= 'table' then\n"
    "    err = {err='ERR ' .. tostring(err)}"
    "  end"
    "  if i then\n"
    "    err['source'] = i.source\n"
    "    err['line'] = i.currentline\n"
    "  end"
    "  return err\n"
    "end\n";

lua_State *engine_build(void) {
  lua_State *lua = lua_open();
  if (!lua) __builtin_trap(); /* out of plugin memory before anything ran */
  /* Globals may be added only from the allow list while the libraries load. */
  lua_pushvalue(lua, LUA_GLOBALSINDEX);
  lua_newtable(lua);
  lua_pushcfunction(lua, allow_list_newindex);
  lua_setfield(lua, -2, "__newindex");
  lua_setmetatable(lua, -2);
  lua_pop(lua, 1);

  load_lib(lua, "", luaopen_base);
  load_lib(lua, LUA_TABLIBNAME, luaopen_table);
  load_lib(lua, LUA_STRLIBNAME, luaopen_string);
  load_lib(lua, LUA_MATHLIBNAME, luaopen_math);
  load_lib(lua, LUA_DBLIBNAME, luaopen_debug);
  load_lib(lua, "cjson", luaopen_cjson);
  load_lib(lua, "struct", luaopen_struct);
  load_lib(lua, "cmsgpack", luaopen_cmsgpack);
  load_lib(lua, "bit", luaopen_bit);

  lua_pushcfunction(lua, redis_pcall);
  lua_setglobal(lua, "pcall");

  lua_newtable(lua);
  register_redis_api(lua);
  lua_setglobal(lua, "redis");

  luaL_loadbuffer(lua, ERROR_HANDLER, sizeof(ERROR_HANDLER) - 1, "@err_handler_def");
  lua_pcall(lua, 0, 0, 0);
  /* Every script run pushes the handler: from the registry by address, not by name from the globals */
  lua_pushlightuserdata(lua, (void *)ERROR_HANDLER);
  lua_getglobal(lua, "__redis__err__handler");
  lua_rawset(lua, LUA_REGISTRYINDEX);

  protect_globals(lua);
  return lua;
}

void push_error_handler(lua_State *lua) {
  lua_pushlightuserdata(lua, (void *)ERROR_HANDLER);
  lua_rawget(lua, LUA_REGISTRYINDEX);
}

lua_State *engine(void) {
  if (!state) state = engine_build();
  return state;
}

void engine_reset(void) {
  if (state) {
    lua_gc(state, LUA_GCCOLLECT, 0);
    lua_close(state);
  }
  script_cache_clear();
  state = engine_build();
}

int32_t ferrite_init(int32_t argc, const void *argv) {
  engine();
  return 0;
}

/*
 * Any failed call (a trap, the CPU budget, the memory cap) may have stopped the interpreter half-way
 * through changing its own structures, which nothing here can check: the host is told so, and serves
 * the plugin from a fresh instance (ADR 0002, ADR 0023).
 */
int32_t ferrite_heap_check(void) {
  return 1;
}
