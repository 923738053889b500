/* FUNCTION DUMP's payload, also what ferrite_aux_save writes into snapshots, the AOF base and a respawned
 * instance: not Redis's RDB format (this plugin has no RDB encoder), but each library's source, which is
 * all Redis's payload carries too: the magic "FERRITEFN1", then for each library a 4-byte little-endian
 * length and the source with its shebang. A payload that is not exactly that is refused whole. */
#include <string.h>
#include "scripting.h"

static const char MAGIC[] = "FERRITEFN1";
#define MAGIC_LEN (sizeof MAGIC - 1)

void payload_push(lua_State *lua) {
  lua_pushlstring(lua, MAGIC, MAGIC_LEN); /* the payload so far */
  lua_getfield(lua, LUA_REGISTRYINDEX, "__libs");
  lua_pushnil(lua);
  while (lua_next(lua, -2)) {
    lua_getfield(lua, -1, "code");
    size_t len;
    lua_tolstring(lua, -1, &len);
    unsigned char n[4] = {(unsigned char)len, (unsigned char)(len >> 8), (unsigned char)(len >> 16), (unsigned char)(len >> 24)};
    lua_pushvalue(lua, -5);
    lua_pushlstring(lua, (const char *)n, 4);
    lua_pushvalue(lua, -3);
    lua_concat(lua, 3);
    lua_replace(lua, -6);
    lua_pop(lua, 2);
  }
  lua_pop(lua, 1);
}

static size_t read_len(const char *p) {
  const unsigned char *u = (const unsigned char *)p;
  return (size_t)u[0] | (size_t)u[1] << 8 | (size_t)u[2] << 16 | (size_t)u[3] << 24;
}

int payload_valid(const char *buf, size_t len) {
  if (len < MAGIC_LEN || memcmp(buf, MAGIC, MAGIC_LEN) != 0) return 0;
  size_t at = MAGIC_LEN;
  while (at < len) {
    if (len - at < 4) return 0;
    size_t n = read_len(buf + at);
    at += 4;
    if (n > len - at) return 0;
    at += n;
  }
  return 1;
}

int payload_load(const char *buf, size_t len, enum load_mode mode) {
  lua_State *lua = functions_engine();
  for (size_t at = MAGIC_LEN; at < len;) {
    size_t n = read_len(buf + at);
    if (library_load(buf + at + 4, n, mode) < 0) return -1;
    lua_pop(lua, 1);
    at += 4 + n;
  }
  return 0;
}

/* The libraries go into snapshots and the AOF base, and into a respawned instance (ADR 0023). */
void payload_emit(void (*emit)(const void *ptr, int32_t len)) {
  lua_State *lua = functions_engine();
  payload_push(lua);
  size_t len;
  const char *p = lua_tolstring(lua, -1, &len);
  emit(p, (int32_t)len);
  lua_pop(lua, 1);
}

void ferrite_aux_save(void) {
  payload_emit(ferrite_save_write);
}

int32_t ferrite_aux_load(const void *ptr, int32_t len) {
  if (len == 0) return 0;
  if (!payload_valid(ptr, (size_t)len)) return -1;
  functions_reset();
  if (payload_load(ptr, (size_t)len, LOAD_NEW) < 0) {
    lua_pop(functions_engine(), 1);
    return -2;
  }
  return 0;
}
