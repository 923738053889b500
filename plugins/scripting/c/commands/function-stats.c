/* FUNCTION STATS: no function is ever running while STATS is served (see FUNCTION KILL); the one engine's
 * counts. */
#include "../scripting.h"
#include "lua.h"

static int count(lua_State *lua, const char *registry_table) {
  int n = 0;
  lua_getfield(lua, LUA_REGISTRYINDEX, registry_table);
  lua_pushnil(lua);
  while (lua_next(lua, -2)) {
    lua_pop(lua, 1);
    n++;
  }
  lua_pop(lua, 1);
  return n;
}

#define BULK(s) ferrite_reply_bulk((s), sizeof(s) - 1)

void cmd_function_stats(int32_t argc, const ferrite_arg *argv) {
  lua_State *lua = functions_engine();
  ferrite_reply_map(2);
  BULK("running_script");
  ferrite_reply_null();
  BULK("engines");
  ferrite_reply_map(1);
  BULK("LUA");
  ferrite_reply_map(2);
  BULK("libraries_count");
  ferrite_reply_int(count(lua, "__libs"));
  BULK("functions_count");
  ferrite_reply_int(count(lua, "__funcs"));
}
