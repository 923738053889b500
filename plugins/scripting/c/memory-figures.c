/* INFO's Memory section and MEMORY STATS (host API 1.8 ferrite_memory, ADR 0042): Redis 7.2's scripting
 * figures, in its order and with its names (server.c genRedisInfoString, object.c getMemoryOverheadData).
 * The Lua VMs' figures are Redis's own measure (luaMemory: lua_gc's count). The caches' are counted from
 * what this plugin keeps instead of Redis's dicts: for EVAL's cache, the two registry entries (f_<sha>,
 * F_<sha>) of each script; for functions, each library's source (Redis's libraries keep theirs too) and
 * the registry entries of libraries and functions. */
#include <string.h>
#include "scripting.h"
#include "lobject.h"

#define INFO 1
#define STATS 2
#define HUMAN 4

static void field(int flags, const char *name, long long value) {
  ferrite_memory_field(flags, name, (int32_t)strlen(name), (double)value);
}

/** luaMemory. */
static long long vm_bytes(lua_State *lua) {
  return (long long)lua_gc(lua, LUA_GCCOUNT, 0) * 1024 + lua_gc(lua, LUA_GCCOUNTB, 0);
}

/** A registry entry keyed by a string of `len` bytes: the key's string and the table node holding it. */
static long long entry_bytes(size_t len) {
  return (long long)(sizeof(TString) + len + 1 + sizeof(Node));
}

/** EVAL's cached scripts (registry keys f_<sha1>), and what their entries take (f_ and F_ per script). */
static long long cached_scripts(lua_State *lua, long long *bytes) {
  long long n = 0;
  lua_pushnil(lua);
  while (lua_next(lua, LUA_REGISTRYINDEX)) {
    lua_pop(lua, 1);
    size_t len;
    const char *key = lua_type(lua, -1) == LUA_TSTRING ? lua_tolstring(lua, -1, &len) : NULL;
    if (key && len == 42 && key[0] == 'f' && key[1] == '_') n++;
  }
  *bytes = n * 2 * entry_bytes(42);
  return n;
}

/** The libraries' sources and entries, and the functions' entries. */
static long long functions_bytes(lua_State *lua, int libraries, int functions) {
  long long bytes = (long long)(libraries + functions) * entry_bytes(16);
  lua_getfield(lua, LUA_REGISTRYINDEX, "__libs");
  lua_pushnil(lua);
  while (lua_next(lua, -2)) {
    lua_getfield(lua, -1, "code");
    bytes += (long long)lua_objlen(lua, -1);
    lua_pop(lua, 2);
  }
  lua_pop(lua, 1);
  return bytes;
}

void ferrite_memory(void) {
  lua_State *eval = engine(), *fn = functions_engine();
  long long vm_eval = vm_bytes(eval), vm_functions = vm_bytes(fn);
  long long scripts_eval;
  long long scripts = cached_scripts(eval, &scripts_eval);
  int libraries = registry_count(fn, "__libs"), functions = registry_count(fn, "__funcs");
  long long used_functions = functions_bytes(fn, libraries, functions);
  field(INFO, "used_memory_lua", vm_eval);
  field(INFO, "used_memory_vm_eval", vm_eval);
  field(INFO | HUMAN, "used_memory_lua_human", vm_eval);
  field(INFO, "used_memory_scripts_eval", scripts_eval);
  field(INFO, "number_of_cached_scripts", scripts);
  field(INFO, "number_of_functions", functions);
  field(INFO, "number_of_libraries", libraries);
  field(INFO, "used_memory_vm_functions", vm_functions);
  field(INFO, "used_memory_vm_total", vm_eval + vm_functions);
  field(INFO | HUMAN, "used_memory_vm_total_human", vm_eval + vm_functions);
  field(INFO, "used_memory_functions", used_functions);
  field(INFO, "used_memory_scripts", scripts_eval + used_functions);
  field(INFO | HUMAN, "used_memory_scripts_human", scripts_eval + used_functions);
  field(STATS, "lua.caches", scripts_eval);
  field(STATS, "functions.caches", used_functions);
}
