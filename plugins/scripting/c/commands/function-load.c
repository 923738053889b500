/* FUNCTION LOAD [REPLACE] code: functionLoadCommand. Answers the library's name. */
#include <stdio.h>
#include <strings.h>
#include "../scripting.h"

void cmd_function_load(int32_t argc, const ferrite_arg *argv) {
  int replace = 0, at = 2;
  while (at < argc - 1) {
    const ferrite_arg *a = &argv[at++];
    if (a->len == 7 && strncasecmp(FERRITE_ARG_PTR(*a), "replace", 7) == 0) {
      replace = 1;
      continue;
    }
    char buf[128];
    int n = snprintf(buf, sizeof buf, "ERR Unknown option given: %.*s", (int)(a->len < 64 ? a->len : 64), FERRITE_ARG_PTR(*a));
    reply_error_text(buf, (size_t)n);
    return;
  }
  if (at >= argc) {
    FERRITE_REPLY_ERROR_LITERAL("ERR Function code is missing");
    return;
  }
  lua_State *lua = functions_engine();
  int ok = library_load(FERRITE_ARG_PTR(argv[at]), argv[at].len, replace ? LOAD_REPLACE : LOAD_NEW) == 0;
  size_t len;
  const char *text = lua_tolstring(lua, -1, &len);
  if (ok) {
    ferrite_reply_bulk(text, (int32_t)len);
  } else {
    lua_pushfstring(lua, "ERR %s", text);
    text = lua_tolstring(lua, -1, &len);
    reply_error_text(text, len);
    lua_pop(lua, 1);
  }
  lua_pop(lua, 1);
}
