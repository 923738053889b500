/* FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE]: functionListCommand. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "../scripting.h"
#include "lua.h"

#define BULK(s) ferrite_reply_bulk((s), sizeof(s) - 1)

static void reply_string(lua_State *lua, int index) {
  size_t len;
  const char *s = lua_tolstring(lua, index, &len);
  ferrite_reply_bulk(s, (int32_t)len);
}

static int table_size(lua_State *lua) {
  int n = 0;
  lua_pushnil(lua);
  while (lua_next(lua, -2)) {
    lua_pop(lua, 1);
    n++;
  }
  return n;
}

/** One function: name, description, flags (a set of status strings in Redis's flag order). */
static void reply_function(lua_State *lua) {
  ferrite_reply_map(3);
  BULK("name");
  lua_getfield(lua, -1, "name");
  reply_string(lua, -1);
  BULK("description");
  lua_getfield(lua, -2, "description");
  if (lua_isnil(lua, -1)) ferrite_reply_null();
  else reply_string(lua, -1);
  BULK("flags");
  lua_getfield(lua, -3, "flags");
  int flags = (int)lua_tonumber(lua, -1), count = 0;
  for (int i = 0; i < SCRIPT_FLAG_COUNT; i++) count += (flags & SCRIPT_FLAGS[i].flag) != 0;
  ferrite_reply_set(count);
  for (int i = 0; i < SCRIPT_FLAG_COUNT; i++)
    if (flags & SCRIPT_FLAGS[i].flag) ferrite_reply_simple(SCRIPT_FLAGS[i].name, (int32_t)strlen(SCRIPT_FLAGS[i].name));
  lua_pop(lua, 3);
}

/** The library on top (its name below it). */
static void reply_library(lua_State *lua, int with_code) {
  ferrite_reply_map(with_code ? 4 : 3);
  BULK("library_name");
  reply_string(lua, -2);
  BULK("engine");
  BULK("LUA");
  BULK("functions");
  lua_getfield(lua, -1, "funcs");
  ferrite_reply_array(table_size(lua));
  lua_pushnil(lua);
  while (lua_next(lua, -2)) {
    reply_function(lua);
    lua_pop(lua, 1);
  }
  lua_pop(lua, 1);
  if (with_code) {
    BULK("library_code");
    lua_getfield(lua, -1, "code");
    reply_string(lua, -1);
    lua_pop(lua, 1);
  }
}

void cmd_function_list(int32_t argc, const ferrite_arg *argv) {
  int with_code = 0;
  const ferrite_arg *pattern = NULL;
  for (int32_t i = 2; i < argc; i++) {
    const char *a = FERRITE_ARG_PTR(argv[i]);
    if (!with_code && argv[i].len == 8 && strncasecmp(a, "withcode", 8) == 0) {
      with_code = 1;
      continue;
    }
    if (!pattern && argv[i].len == 11 && strncasecmp(a, "libraryname", 11) == 0) {
      if (i >= argc - 1) {
        FERRITE_REPLY_ERROR_LITERAL("ERR library name argument was not given");
        return;
      }
      pattern = &argv[++i];
      continue;
    }
    char buf[128];
    int n = snprintf(buf, sizeof buf, "ERR Unknown argument %.*s", (int)(argv[i].len < 64 ? argv[i].len : 64), a);
    reply_error_text(buf, (size_t)n);
    return;
  }
  lua_State *lua = functions_engine();
  lua_getfield(lua, LUA_REGISTRYINDEX, "__libs");
  /* two passes: the count first, the libraries the pattern matches (without case, as Redis) */
  int count = 0;
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1) ferrite_reply_array(count);
    lua_pushnil(lua);
    while (lua_next(lua, -2)) {
      size_t len;
      const char *name = lua_tolstring(lua, -2, &len);
      if (!pattern || ferrite_glob_match(FERRITE_ARG_PTR(*pattern), (int32_t)pattern->len, name, (int32_t)len, 1)) {
        if (pass == 0) count++;
        else reply_library(lua, with_code);
      }
      lua_pop(lua, 1);
    }
  }
  lua_pop(lua, 1);
}
