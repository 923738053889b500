/* Globals' protection as Redis 7.0.15+ does it (script_lua.c): while the state is built, only globals on
 * the allow list may be created; afterwards the globals table and every table reachable from it are
 * read-only (Redis's Lua has lua_enablereadonlytable), and reading a missing global is an error. */
#include <string.h>
#include "scripting.h"
#include "lauxlib.h"

static const char *const ALLOWED[] = {
    /* libraries */
    "string", "cjson", "bit", "cmsgpack", "math", "table", "struct",
    /* the redis API */
    "redis", "__redis__err__handler",
    /* Lua builtins */
    "xpcall", "tostring", "setmetatable", "next", "assert", "tonumber", "rawequal", "collectgarbage",
    "getmetatable", "rawset", "pcall", "coroutine", "type", "_G", "select", "unpack", "gcinfo", "pairs",
    "rawget", "loadstring", "ipairs", "_VERSION", "load", "error",
    /* removed again once the error handler holds it */
    "debug", NULL};

/* Allowed only with lua-enable-deprecated-api (off by default, and not offered here). The deny list
 * (dofile, loadfile, print) and these are left out silently. */
int allow_list_newindex(lua_State *lua) {
  if (lua_gettop(lua) != 3) return luaL_error(lua, "Wrong number of arguments to luaNewIndexAllowList");
  if (!lua_istable(lua, -3)) return luaL_error(lua, "first argument to luaNewIndexAllowList must be a table");
  if (!lua_isstring(lua, -2) && !lua_isnumber(lua, -2))
    return luaL_error(lua, "Second argument to luaNewIndexAllowList must be a string or number");
  const char *name = lua_tostring(lua, -2);
  for (const char *const *a = ALLOWED; *a; a++) {
    if (strcmp(*a, name) == 0) {
      lua_rawset(lua, -3);
      break;
    }
  }
  return 0;
}

static int missing_global(lua_State *lua) {
  if (lua_gettop(lua) != 2) return luaL_error(lua, "Wrong number of arguments to luaProtectedTableError");
  if (!lua_isstring(lua, -1) && !lua_isnumber(lua, -1))
    return luaL_error(lua, "Second argument to luaProtectedTableError must be a string or number");
  return luaL_error(lua, "Script attempted to access nonexistent global variable '%s'", lua_tostring(lua, -1));
}

static void protect_recursively(lua_State *lua) {
  if (lua_isreadonlytable(lua, -1)) return; /* visited (_G points back at the globals) */
  lua_enablereadonlytable(lua, -1, 1);
  lua_checkstack(lua, 2);
  lua_pushnil(lua);
  while (lua_next(lua, -2)) {
    if (lua_istable(lua, -1)) protect_recursively(lua);
    lua_pop(lua, 1);
  }
  if (lua_getmetatable(lua, -1)) {
    protect_recursively(lua);
    lua_pop(lua, 1);
  }
}

void protect_globals(lua_State *lua) {
  lua_pushvalue(lua, LUA_GLOBALSINDEX);
  lua_newtable(lua);
  lua_pushcfunction(lua, missing_global);
  lua_setfield(lua, -2, "__index");
  lua_setmetatable(lua, -2);
  protect_recursively(lua);
  lua_pop(lua, 1);
  /* The metatables of the basic types (strings have one) are locked too. */
  for (int t = 0; t < 7; t++) {
    switch (t) {
      case 0: lua_pushstring(lua, ""); break;
      case 1: lua_pushnumber(lua, 0); break;
      case 2: lua_pushboolean(lua, 0); break;
      case 3: lua_pushnil(lua); break;
      case 4: lua_pushcfunction(lua, NULL); break;
      case 5: lua_newthread(lua); break;
      default: lua_pushlightuserdata(lua, lua); break;
    }
    if (lua_getmetatable(lua, -1)) {
      protect_recursively(lua);
      lua_pop(lua, 1);
    }
    lua_pop(lua, 1);
  }
}
