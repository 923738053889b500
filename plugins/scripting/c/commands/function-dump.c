/* FUNCTION DUMP: every library's source in this plugin's payload format (function-payload.c). */
#include "../scripting.h"
#include "lua.h"

void cmd_function_dump(int32_t argc, const ferrite_arg *argv) {
  lua_State *lua = functions_engine();
  payload_push(lua);
  size_t len;
  const char *p = lua_tolstring(lua, -1, &len);
  ferrite_reply_bulk(p, (int32_t)len);
  lua_pop(lua, 1);
}
