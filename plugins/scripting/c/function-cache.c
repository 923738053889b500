/* FCALL finds its function on every call. A small direct-mapped cache in front of the registry's __funcs
 * keeps, per slot, the name as looked up (lowercase: function names compare without case) and the
 * function's flags in C, and its callback and registered name in a table of the functions' registry
 * (at 2s+1 and 2s+2 for slot s, integer keys). A hit costs a hash of the name and two array reads,
 * where the registry lookup builds the lowercased key string (a new Lua string per call) and reads
 * three fields by name. Any change to __funcs (FUNCTION LOAD, DELETE, FLUSH, RESTORE) empties it: the
 * registry stays its truth. */
#include <string.h>
#include "scripting.h"
#include "lauxlib.h"

#define SLOTS 64
/** Longer names are looked up in __funcs every time (FCALL's usual names are short). */
#define CACHED_NAME_MAX 48

static struct fslot {
  uint32_t len; /* 0: empty (a function name has at least one character) */
  int flags;
  char name[CACHED_NAME_MAX];
} fslots[SLOTS];

/** The registry key of the table holding the slots' Lua values: this address. */
#define CACHE_TABLE_KEY ((void *)fslots)

void function_cache_clear(lua_State *lua) {
  memset(fslots, 0, sizeof fslots);
  lua_pushlightuserdata(lua, CACHE_TABLE_KEY);
  lua_pushnil(lua);
  lua_rawset(lua, LUA_REGISTRYINDEX);
}

static char lower(char c) {
  return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/** Push the cache's table, made on first use. */
static void push_cache_table(lua_State *lua) {
  lua_pushlightuserdata(lua, CACHE_TABLE_KEY);
  lua_rawget(lua, LUA_REGISTRYINDEX);
  if (!lua_isnil(lua, -1)) return;
  lua_pop(lua, 1);
  lua_createtable(lua, 2 * SLOTS, 0);
  lua_pushlightuserdata(lua, CACHE_TABLE_KEY);
  lua_pushvalue(lua, -2);
  lua_rawset(lua, LUA_REGISTRYINDEX);
}

int function_push(lua_State *lua, const char *name, size_t len, int *flags) {
  struct fslot *slot = NULL;
  char key[CACHED_NAME_MAX];
  if (len <= CACHED_NAME_MAX) {
    uint32_t h = 2166136261u; /* FNV-1a of the lowercase name */
    for (size_t i = 0; i < len; i++) {
      key[i] = lower(name[i]);
      h = (h ^ (unsigned char)key[i]) * 16777619u;
    }
    slot = &fslots[h % SLOTS];
    if (slot->len == len && memcmp(slot->name, key, len) == 0) {
      push_cache_table(lua);
      int s = (int)(slot - fslots);
      lua_rawgeti(lua, -1, 2 * s + 2);
      lua_rawgeti(lua, -2, 2 * s + 1);
      lua_remove(lua, -3);
      *flags = slot->flags;
      return 1;
    }
  }
  if (!function_lookup(lua, name, len)) return 0;
  lua_getfield(lua, -1, "flags");
  *flags = (int)lua_tonumber(lua, -1);
  lua_getfield(lua, -2, "name");
  lua_getfield(lua, -3, "callback");
  lua_remove(lua, -3); /* the flags */
  lua_remove(lua, -3); /* the function's table */
  if (slot) {
    int s = (int)(slot - fslots);
    push_cache_table(lua);
    lua_pushvalue(lua, -2);
    lua_rawseti(lua, -2, 2 * s + 1);
    lua_pushvalue(lua, -3);
    lua_rawseti(lua, -2, 2 * s + 2);
    lua_pop(lua, 1);
    memcpy(slot->name, key, len);
    slot->len = (uint32_t)len;
    slot->flags = *flags;
  }
  return 1;
}
