/* A script's return value as the client's reply: Redis's luaReplyToRedisReply (script_lua.c). Numbers
 * are truncated to integers, false is a null (RESP2) or #f (after redis.setresp(3)), a table with `err`
 * or `ok` is an error or status, an array stops at its first nil; `double`, `big_number`, `map`, `set`
 * and `verbatim_string` tables are RESP3 types (written down to RESP2 by the host for RESP2 clients). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "scripting.h"
#include "lauxlib.h"

/** Scratch for texts whose CR/LF become spaces before they are replied. */
static char *scratch;
static size_t scratch_size;

static char *without_newlines(const char *s, size_t len) {
  if (len + 1 > scratch_size) {
    free(scratch);
    scratch_size = len + 64;
    scratch = malloc(scratch_size);
    if (!scratch) __builtin_trap();
  }
  for (size_t i = 0; i < len; i++) scratch[i] = s[i] == '\r' || s[i] == '\n' ? ' ' : s[i];
  return scratch;
}

void reply_error_text(const char *s, size_t len) {
  if (len && s[0] == '-') s++, len--;
  /* addReplyErrorLength: an error without its own code gets ERR. */
  if (len == 0) {
    FERRITE_REPLY_ERROR_LITERAL("ERR");
    return;
  }
  while (len && (s[len - 1] == '\r' || s[len - 1] == '\n')) len--;
  ferrite_reply_error(without_newlines(s, len), (int32_t)len);
}

/** Push t[field] (raw) and answer its type. */
static int field(lua_State *lua, const char *name) {
  lua_pushstring(lua, name);
  lua_rawget(lua, -2);
  return lua_type(lua, -1);
}

static void reply_error_table(lua_State *lua) {
  /* luaExtractErrorInformation: the reply is "-<err>" (the err string carries its code). */
  const char *msg = lua_tostring(lua, -1);
  size_t len = lua_strlen(lua, -1);
  reply_error_text(msg, len);
}

static void reply_table(lua_State *lua) {
  if (field(lua, "err") == LUA_TSTRING) {
    reply_error_table(lua);
    lua_pop(lua, 1);
    return;
  }
  lua_pop(lua, 1);

  if (field(lua, "ok") == LUA_TSTRING) {
    size_t len;
    const char *s = lua_tolstring(lua, -1, &len);
    len = strlen(s); /* addReplyStatusSafe takes a C string */
    ferrite_reply_simple(without_newlines(s, len), (int32_t)len);
    lua_pop(lua, 1);
    return;
  }
  lua_pop(lua, 1);

  if (field(lua, "double") == LUA_TNUMBER) {
    ferrite_reply_double(lua_tonumber(lua, -1));
    lua_pop(lua, 1);
    return;
  }
  lua_pop(lua, 1);

  if (field(lua, "big_number") == LUA_TSTRING) {
    size_t len;
    const char *s = lua_tolstring(lua, -1, &len);
    ferrite_reply_big_number(without_newlines(s, len), (int32_t)len);
    lua_pop(lua, 1);
    return;
  }
  lua_pop(lua, 1);

  if (field(lua, "verbatim_string") == LUA_TTABLE) {
    if (field(lua, "format") == LUA_TSTRING) {
      if (field(lua, "string") == LUA_TSTRING) {
        /* Host API 1.5's reply_verbatim has no format: the reply says txt whatever the table says. */
        size_t len;
        const char *s = lua_tolstring(lua, -1, &len);
        ferrite_reply_verbatim(s, (int32_t)len);
        lua_pop(lua, 3);
        return;
      }
      lua_pop(lua, 1);
    }
    lua_pop(lua, 1);
  }
  lua_pop(lua, 1);

  if (field(lua, "map") == LUA_TTABLE) {
    int pairs = 0;
    lua_pushnil(lua);
    while (lua_next(lua, -2)) lua_pop(lua, 1), pairs++;
    ferrite_reply_map(pairs);
    lua_pushnil(lua);
    while (lua_next(lua, -2)) {
      lua_pushvalue(lua, -2);
      reply_from_lua(lua); /* key */
      reply_from_lua(lua); /* value */
    }
    lua_pop(lua, 1);
    return;
  }
  lua_pop(lua, 1);

  if (field(lua, "set") == LUA_TTABLE) {
    int count = 0;
    lua_pushnil(lua);
    while (lua_next(lua, -2)) lua_pop(lua, 1), count++;
    ferrite_reply_set(count);
    lua_pushnil(lua);
    while (lua_next(lua, -2)) {
      lua_pop(lua, 1);
      lua_pushvalue(lua, -1);
      reply_from_lua(lua);
    }
    lua_pop(lua, 1);
    return;
  }
  lua_pop(lua, 1);

  /* An array: its elements up to the first nil (counted first: the header goes out before them). */
  int count = 0;
  for (;;) {
    lua_pushnumber(lua, count + 1);
    lua_rawget(lua, -2);
    int nil = lua_type(lua, -1) == LUA_TNIL;
    lua_pop(lua, 1);
    if (nil) break;
    count++;
  }
  ferrite_reply_array(count);
  for (int j = 1; j <= count; j++) {
    lua_pushnumber(lua, j);
    lua_rawget(lua, -2);
    reply_from_lua(lua);
  }
}

/*
 * Tables nested deeper than this are answered as if Lua's stack had run out, as Redis answers them at
 * about 8000 levels: two wasm frames a level would overflow V8's native stack long before that (a
 * self-referencing table is the way to get here).
 */
#define MAX_NESTING 1000
static int nesting;

void reply_from_lua(lua_State *lua) {
  if (nesting >= MAX_NESTING || !lua_checkstack(lua, 4)) {
    FERRITE_REPLY_ERROR_LITERAL("ERR reached lua stack limit");
    lua_pop(lua, 1);
    return;
  }
  switch (lua_type(lua, -1)) {
    case LUA_TSTRING: {
      size_t len;
      const char *s = lua_tolstring(lua, -1, &len);
      ferrite_reply_bulk(s, (int32_t)len);
      break;
    }
    case LUA_TBOOLEAN:
      if (running && running->resp == 3) ferrite_reply_bool(lua_toboolean(lua, -1));
      else if (lua_toboolean(lua, -1)) ferrite_reply_small_int(1);
      else ferrite_reply_null();
      break;
    case LUA_TNUMBER: {
      long long n = (long long)lua_tonumber(lua, -1);
      if (n >= INT32_MIN && n <= INT32_MAX) ferrite_reply_small_int((int32_t)n);
      else ferrite_reply_int(n);
      break;
    }
    case LUA_TTABLE:
      nesting++;
      reply_table(lua);
      nesting--;
      break;
    default:
      ferrite_reply_null();
  }
  lua_pop(lua, 1);
}

void reply_help(const char *command, const char *const *lines, int count) {
  static const char HEADER[] = " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:";
  static const char *const FOOTER[] = {"HELP", "    Print this help."};
  char header[64];
  size_t len = strlen(command);
  memcpy(header, command, len);
  memcpy(header + len, HEADER, sizeof HEADER - 1);
  ferrite_reply_array(count + 3);
  ferrite_reply_simple(header, (int32_t)(len + sizeof HEADER - 1));
  for (int j = 0; j < count; j++) ferrite_reply_simple(lines[j], (int32_t)strlen(lines[j]));
  for (int j = 0; j < 2; j++) ferrite_reply_simple(FOOTER[j], (int32_t)strlen(FOOTER[j]));
}

int is_flush_mode(const ferrite_arg *mode) {
  const char *m = FERRITE_ARG_PTR(*mode);
  return (mode->len == 4 && strncasecmp(m, "sync", 4) == 0) || (mode->len == 5 && strncasecmp(m, "async", 5) == 0);
}
