/* A redis.call reply as Lua values: Redis's redisProtocolToLuaType (script_lua.c). Integers and bulk
 * strings are numbers and strings, a null is false, a status is {ok=…}, an error {err=…}, an array a
 * table; the RESP3 types (after redis.setresp(3)) are nil, booleans, {double=…}, {big_number=…},
 * {map={…}}, {set={…}} and {verbatim_string={format=…, string=…}}; attributes are skipped. The reply
 * comes from the host, which wrote it itself, so it is trusted to be well formed. */
#include <stdlib.h>
#include <string.h>
#include "scripting.h"
#include "lauxlib.h"

/** The line at p (without CRLF) and where the next element starts. */
static const char *line_end(const char *p) {
  return strchr(p, '\r');
}

static long long parse_ll(const char *p, const char *end) {
  long long v = 0;
  int neg = *p == '-';
  if (neg || *p == '+') p++;
  while (p < end) v = v * 10 + (*p++ - '0');
  return neg ? -v : v;
}

static void need_stack(lua_State *lua, int n) {
  if (!lua_checkstack(lua, n)) luaL_error(lua, "lua stack limit reach when parsing redis.call reply");
}

/** Parse one reply at p; push it unless lua is NULL (skipped attributes); answer where the next begins. */
static const char *parse(lua_State *lua, const char *p) {
  const char *end = line_end(p);
  const char *body = p + 1;
  const char *next = end + 2;
  if (lua) need_stack(lua, 5);
  switch (*p) {
    case ':':
      if (lua) lua_pushnumber(lua, (lua_Number)parse_ll(body, end));
      return next;
    case '$': {
      long long len = parse_ll(body, end);
      if (len < 0) {
        if (lua) lua_pushboolean(lua, 0);
        return next;
      }
      if (lua) lua_pushlstring(lua, next, (size_t)len);
      return next + len + 2;
    }
    case '+':
      if (lua) {
        lua_newtable(lua);
        lua_pushstring(lua, "ok");
        lua_pushlstring(lua, body, (size_t)(end - body));
        lua_settable(lua, -3);
      }
      return next;
    case '-':
      if (lua) {
        push_error(lua, p, (size_t)(end - p));
        /* The error was counted when the command ran (Redis's ignore_error_stats_update). */
        lua_pushstring(lua, "ignore_error_stats_update");
        lua_pushboolean(lua, 1);
        lua_settable(lua, -3);
      }
      return next;
    case '*': {
      long long n = parse_ll(body, end);
      if (n < 0) {
        if (lua) lua_pushboolean(lua, 0);
        return next;
      }
      if (lua) lua_newtable(lua);
      for (long long j = 0; j < n; j++) {
        if (lua) lua_pushnumber(lua, (lua_Number)(j + 1));
        next = parse(lua, next);
        if (lua) lua_settable(lua, -3);
      }
      return next;
    }
    case '%':
    case '~': {
      int map = *p == '%';
      long long n = parse_ll(body, end);
      if (lua) {
        lua_newtable(lua);
        lua_pushstring(lua, map ? "map" : "set");
        lua_newtable(lua);
      }
      for (long long j = 0; j < n; j++) {
        next = parse(lua, next);
        if (map) next = parse(lua, next);
        else if (lua) need_stack(lua, 1), lua_pushboolean(lua, 1);
        if (lua) lua_settable(lua, -3);
      }
      if (lua) lua_settable(lua, -3);
      return next;
    }
    case '_':
      if (lua) lua_pushnil(lua);
      return next;
    case '#':
      if (lua) lua_pushboolean(lua, *body == 't');
      return next;
    case ',': {
      if (lua) {
        char buf[64];
        size_t len = (size_t)(end - body) < sizeof(buf) - 1 ? (size_t)(end - body) : sizeof(buf) - 1;
        memcpy(buf, body, len);
        buf[len] = 0;
        lua_newtable(lua);
        lua_pushstring(lua, "double");
        lua_pushnumber(lua, strtod(buf, NULL));
        lua_settable(lua, -3);
      }
      return next;
    }
    case '(':
      if (lua) {
        lua_newtable(lua);
        lua_pushstring(lua, "big_number");
        lua_pushlstring(lua, body, (size_t)(end - body));
        lua_settable(lua, -3);
      }
      return next;
    case '=': {
      long long len = parse_ll(body, end);
      if (lua) {
        lua_newtable(lua);
        lua_pushstring(lua, "verbatim_string");
        lua_newtable(lua);
        lua_pushstring(lua, "string");
        lua_pushlstring(lua, next + 4, (size_t)(len - 4));
        lua_settable(lua, -3);
        lua_pushstring(lua, "format");
        lua_pushlstring(lua, next, 3);
        lua_settable(lua, -3);
        lua_settable(lua, -3);
      }
      return next + len + 2;
    }
    case '|': {
      long long n = parse_ll(body, end);
      for (long long j = 0; j < 2 * n; j++) next = parse(NULL, next);
      return parse(lua, next);
    }
    default:
      /* Not something the host writes: a plain error rather than a guess. */
      if (lua) lua_pushboolean(lua, 0);
      return next;
  }
}

size_t resp_to_lua(lua_State *lua, const char *buf, size_t len) {
  return (size_t)(parse(lua, buf) - buf);
}

void push_error(lua_State *lua, const char *err, size_t len) {
  /* luaPushErrorBuff: "-CODE msg" keeps its code, "msg" gets ERR; trailing CR/LF trimmed. */
  const char *code = "ERR";
  size_t code_len = 3;
  const char *msg = err;
  if (len && err[0] == '-') {
    const char *space = memchr(err, ' ', len);
    if (space) {
      code = err + 1;
      code_len = (size_t)(space - err - 1);
      msg = space + 1;
    } else {
      msg = err + 1;
    }
  }
  size_t msg_len = len - (size_t)(msg - err);
  while (msg_len && (msg[msg_len - 1] == '\r' || msg[msg_len - 1] == '\n')) msg_len--;
  /* sdstrim trims both ends */
  while (msg_len && (msg[0] == '\r' || msg[0] == '\n')) msg++, msg_len--;
  lua_newtable(lua);
  lua_pushstring(lua, "err");
  luaL_Buffer b;
  luaL_buffinit(lua, &b);
  luaL_addlstring(&b, code, code_len);
  luaL_addchar(&b, ' ');
  luaL_addlstring(&b, msg, msg_len);
  luaL_pushresult(&b);
  lua_settable(lua, -3);
}
