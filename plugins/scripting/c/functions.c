/* Function libraries: Redis 7's functions.c and function_lua.c. One interpreter of their own (FUNCTION
 * FLUSH replaces it, SCRIPT FLUSH does not touch it), whose globals are an empty read-only table that
 * reads through to the real globals while functions run, and to the library API (redis.register_function,
 * log, the versions) while FUNCTION LOAD runs a library's top level. In its registry:
 *   __libs:  library name -> {code = the whole source with its shebang, funcs = {name -> function}}
 *   __funcs: function name -> {name, callback, flags, description, library}
 *   __loading: the functions the library being loaded registered so far (nil outside FUNCTION LOAD). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "scripting.h"
#include "lauxlib.h"

static lua_State *fstate;

/** Error texts raised inside register_function go back to FUNCTION LOAD as Redis's error tables. */
static int raise(lua_State *lua, const char *msg) {
  push_error(lua, msg, strlen(msg));
  return lua_error(lua);
}

static int valid_name(const char *s, size_t len) {
  if (len == 0) return 0;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return 0;
  }
  return 1;
}

/** luaRegisterFunctionReadFlags: the flags table on top, by name without case. -1 on an unknown one. */
static int read_flags(lua_State *lua) {
  int flags = 0;
  for (int j = 1;; j++) {
    lua_pushnumber(lua, j);
    lua_gettable(lua, -2);
    if (lua_isnil(lua, -1)) {
      lua_pop(lua, 1);
      return flags;
    }
    int i = SCRIPT_FLAG_COUNT;
    if (lua_isstring(lua, -1)) {
      const char *name = lua_tostring(lua, -1);
      for (i = 0; i < SCRIPT_FLAG_COUNT && strcasecmp(SCRIPT_FLAGS[i].name, name) != 0; i++) {}
    }
    lua_pop(lua, 1);
    if (i == SCRIPT_FLAG_COUNT) return -1;
    flags |= SCRIPT_FLAGS[i].flag;
  }
}

/** luaRegisterFunctionReadNamedArgs: fills the function table at `ft` from the table argument. */
static void read_named_args(lua_State *lua, int ft) {
  if (!lua_istable(lua, 1))
    raise(lua, "calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).");
  lua_pushnil(lua);
  while (lua_next(lua, 1)) {
    if (!lua_isstring(lua, -2)) raise(lua, "named argument key given to redis.register_function is not a string");
    lua_pushvalue(lua, -2); /* lua_tostring on the key itself would upset lua_next */
    const char *key = lua_tostring(lua, -1);
    lua_pop(lua, 1);
    const char *field = NULL;
    if (!strcasecmp(key, "function_name")) {
      if (!lua_isstring(lua, -1)) raise(lua, "function_name argument given to redis.register_function must be a string");
      field = "name";
    } else if (!strcasecmp(key, "description")) {
      if (!lua_isstring(lua, -1)) raise(lua, "description argument given to redis.register_function must be a string");
      field = "description";
    } else if (!strcasecmp(key, "callback")) {
      if (!lua_isfunction(lua, -1)) raise(lua, "callback argument given to redis.register_function must be a function");
      field = "callback";
    } else if (!strcasecmp(key, "flags")) {
      if (!lua_istable(lua, -1)) raise(lua, "flags argument to redis.register_function must be a table representing function flags");
      int flags = read_flags(lua);
      if (flags < 0) raise(lua, "unknown flag given");
      lua_pushnumber(lua, flags);
      lua_setfield(lua, ft, "flags");
    } else {
      raise(lua, "unknown argument given to redis.register_function");
    }
    if (field) {
      lua_pushvalue(lua, -1);
      lua_tostring(lua, -1);
      lua_setfield(lua, ft, field);
    }
    lua_pop(lua, 1);
  }
  lua_getfield(lua, ft, "name");
  if (lua_isnil(lua, -1)) raise(lua, "redis.register_function must get a function name argument");
  lua_getfield(lua, ft, "callback");
  if (lua_isnil(lua, -1)) raise(lua, "redis.register_function must get a callback argument");
  lua_pop(lua, 2);
}

/** redis.register_function(name, callback) or redis.register_function{function_name=…, callback=…, …}. */
static int register_function(lua_State *lua) {
  lua_getfield(lua, LUA_REGISTRYINDEX, "__loading");
  if (lua_isnil(lua, -1)) return raise(lua, "redis.register_function can only be called on FUNCTION LOAD command");
  int loading = lua_gettop(lua);
  int argc = loading - 1;
  if (argc < 1 || argc > 2) return raise(lua, "wrong number of arguments to redis.register_function");
  lua_newtable(lua);
  int ft = lua_gettop(lua);
  if (argc == 1) {
    read_named_args(lua, ft);
  } else {
    if (!lua_isstring(lua, 1)) return raise(lua, "first argument to redis.register_function must be a string");
    if (!lua_isfunction(lua, 2)) return raise(lua, "second argument to redis.register_function must be a function");
    lua_pushvalue(lua, 1);
    lua_tostring(lua, -1);
    lua_setfield(lua, ft, "name");
    lua_pushvalue(lua, 2);
    lua_setfield(lua, ft, "callback");
  }
  /* functionLibCreateFunction (7.0's texts, which say "Library" for a function's name too) */
  lua_getfield(lua, ft, "name");
  size_t len;
  const char *name = lua_tolstring(lua, -1, &len);
  if (!valid_name(name, len))
    return raise(lua, "Library names can only contain letters, numbers, or underscores(_) and must be at least one character long");
  lua_pushvalue(lua, -1);
  lua_rawget(lua, loading);
  if (!lua_isnil(lua, -1)) return raise(lua, "Function already exists in the library");
  lua_pop(lua, 1);
  lua_pushvalue(lua, ft);
  lua_rawset(lua, loading);
  return 0;
}

/** Point the globals' reads at the registry table `api` (__library_api while loading, else __globals). */
static void read_globals_from(lua_State *lua, const char *api) {
  lua_getmetatable(lua, LUA_GLOBALSINDEX);
  lua_enablereadonlytable(lua, -1, 0);
  lua_getfield(lua, LUA_REGISTRYINDEX, api);
  lua_setfield(lua, -2, "__index");
  lua_enablereadonlytable(lua, -1, 1);
  lua_pop(lua, 1);
}

/* luaEngineInitEngine: what a library's top level sees. */
static const char *const LIBRARY_API_COPIED[] = {"log", "LOG_DEBUG", "LOG_VERBOSE", "LOG_NOTICE", "LOG_WARNING",
                                                 "REDIS_VERSION", "REDIS_VERSION_NUM", NULL};

static lua_State *functions_build(void) {
  lua_State *lua = engine_build();
  lua_newtable(lua);
  lua_setfield(lua, LUA_REGISTRYINDEX, "__libs");
  lua_newtable(lua);
  lua_setfield(lua, LUA_REGISTRYINDEX, "__funcs");

  lua_newtable(lua); /* the library API's globals */
  lua_newtable(lua); /* its redis table */
  lua_pushcfunction(lua, register_function);
  lua_setfield(lua, -2, "register_function");
  lua_getglobal(lua, "redis");
  for (const char *const *name = LIBRARY_API_COPIED; *name; name++) {
    lua_getfield(lua, -1, *name);
    lua_setfield(lua, -3, *name);
  }
  lua_pop(lua, 1);
  lua_getmetatable(lua, LUA_GLOBALSINDEX); /* reading anything else is the same error as a missing global */
  lua_setmetatable(lua, -2);
  lua_enablereadonlytable(lua, -1, 1);
  lua_setfield(lua, -2, "redis");
  lua_getmetatable(lua, LUA_GLOBALSINDEX);
  lua_setmetatable(lua, -2);
  lua_enablereadonlytable(lua, -1, 1);
  lua_setfield(lua, LUA_REGISTRYINDEX, "__library_api");

  lua_pushvalue(lua, LUA_GLOBALSINDEX);
  lua_setfield(lua, LUA_REGISTRYINDEX, "__globals");
  lua_newtable(lua); /* the globals libraries' code sees: empty, read-only, reading through */
  lua_newtable(lua);
  lua_pushvalue(lua, LUA_GLOBALSINDEX);
  lua_setfield(lua, -2, "__index");
  lua_enablereadonlytable(lua, -1, 1);
  lua_setmetatable(lua, -2);
  lua_enablereadonlytable(lua, -1, 1);
  lua_replace(lua, LUA_GLOBALSINDEX);
  return lua;
}

lua_State *functions_engine(void) {
  if (!fstate) fstate = functions_build();
  return fstate;
}

void functions_reset(void) {
  if (fstate) lua_close(fstate);
  fstate = functions_build();
  function_cache_clear(fstate);
}

/** Leave only the error text (formatted by lua_pushfstring from what is above `base`) above `base`. */
static int fail_at(lua_State *lua, int base) {
  if (lua_gettop(lua) > base + 1) lua_replace(lua, base + 1);
  lua_settop(lua, base + 1);
  return -1;
}

/** Push the key of __funcs for the name at `index`: function names compare without case (functionDictType). */
static void push_function_key(lua_State *lua, int index) {
  size_t len;
  const char *name = lua_tolstring(lua, index, &len);
  luaL_Buffer b;
  luaL_buffinit(lua, &b);
  for (size_t i = 0; i < len; i++) luaL_addchar(&b, (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + ('a' - 'A') : name[i]));
  luaL_pushresult(&b);
}

/** sdssplitargs's next argument from *pp (quotes and their escapes): 1 with it pushed, 0 at the end, -1
 * for unbalanced quotes. */
static int next_arg(lua_State *lua, const char **pp, const char *end) {
  const char *p = *pp;
  while (p < end && isspace((unsigned char)*p)) p++;
  if (p == end) return 0;
  luaL_Buffer b;
  luaL_buffinit(lua, &b);
  int in_double = 0, in_single = 0, ok = 1;
  for (;; p++) {
    if (in_double) {
      if (p == end) ok = 0;
      else if (*p == '\\' && end - p > 3 && p[1] == 'x' && isxdigit((unsigned char)p[2]) && isxdigit((unsigned char)p[3])) {
        char hex[3] = {p[2], p[3], 0};
        luaL_addchar(&b, (char)strtol(hex, NULL, 16));
        p += 3;
        continue;
      } else if (*p == '\\' && end - p > 1) {
        char c = *++p;
        luaL_addchar(&b, c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c == 'b' ? '\b' : c == 'a' ? '\a' : c);
        continue;
      } else if (*p == '"') {
        ok = end - p == 1 || isspace((unsigned char)p[1]); /* a closing quote must end the argument */
        p++;
      } else {
        luaL_addchar(&b, *p);
        continue;
      }
    } else if (in_single) {
      if (p == end) ok = 0;
      else if (*p == '\\' && end - p > 1 && p[1] == '\'') {
        luaL_addchar(&b, '\'');
        p++;
        continue;
      } else if (*p == '\'') {
        ok = end - p == 1 || isspace((unsigned char)p[1]);
        p++;
      } else {
        luaL_addchar(&b, *p);
        continue;
      }
    } else if (p < end && !isspace((unsigned char)*p)) {
      if (*p == '"') in_double = 1;
      else if (*p == '\'') in_single = 1;
      else luaL_addchar(&b, *p);
      continue;
    }
    break;
  }
  luaL_pushresult(&b);
  *pp = p;
  if (ok) return 1;
  lua_pop(lua, 1);
  return -1;
}

/**
 * functionExtractLibMetaData: the shebang's engine and name=. Pushes the name (or nil) and the unknown
 * engine's error (or nil), reported after the name's checks as Redis orders them; or, answering -1, one
 * error text.
 */
static int library_metadata(lua_State *lua, const char *code, size_t len) {
  int top = lua_gettop(lua);
  if (len < 2 || code[0] != '#' || code[1] != '!') {
    lua_pushliteral(lua, "Missing library metadata");
    return -1;
  }
  const char *end = memchr(code, '\n', len);
  if (!end) {
    lua_pushliteral(lua, "Invalid library metadata");
    return -1;
  }
  lua_pushnil(lua);
  lua_pushnil(lua);
  const char *p = code;
  for (int part = 0;; part++) {
    int got = next_arg(lua, &p, end);
    if (got == 0) return 0;
    if (got < 0) {
      lua_pushliteral(lua, "Invalid library metadata");
      return fail_at(lua, top);
    }
    size_t wlen;
    const char *word = lua_tolstring(lua, -1, &wlen);
    if (part == 0) {
      if (!(wlen == 5 && strncasecmp(word + 2, "lua", 3) == 0)) {
        lua_pushfstring(lua, "Engine '%s' not found", wlen >= 2 ? word + 2 : "");
        lua_replace(lua, top + 2);
      }
    } else if (wlen >= 5 && strncasecmp(word, "name=", 5) == 0) {
      if (!lua_isnil(lua, top + 1)) {
        lua_pushliteral(lua, "Invalid metadata value, name argument was given multiple times");
        return fail_at(lua, top);
      }
      lua_pushlstring(lua, word + 5, wlen - 5);
      lua_replace(lua, top + 1);
    } else {
      lua_pushfstring(lua, "Invalid metadata value given: %s", word);
      return fail_at(lua, top);
    }
    lua_pop(lua, 1);
  }
}

/** function_lua.c's LOAD_TIMEOUT_MS: a library's top level gets 500 ms, checked every 100000 instructions. */
#define LOAD_TIMEOUT_US 500000
#define LOAD_HOOK_EVERY 100000
static double load_started_us;

/**
 * luaEngineLoadHook: Redis's own error, well before the host's CPU budget would fail the whole call. Raised
 * again at every line from then on, so that a pcall in the library's code cannot catch it for good.
 */
static void load_hook(lua_State *lua, lua_Debug *ar) {
  (void)ar;
  if (ferrite_clock_us() - load_started_us <= LOAD_TIMEOUT_US) return;
  lua_sethook(lua, load_hook, LUA_MASKLINE, 0);
  PUSH_ERROR_LITERAL(lua, "FUNCTION LOAD timeout");
  lua_error(lua);
}

int library_load(const char *code, size_t len, enum load_mode mode) {
  lua_State *lua = functions_engine();
  int base = lua_gettop(lua);
  if (library_metadata(lua, code, len) < 0) return fail_at(lua, base);
  size_t name_len;
  const char *name = lua_tolstring(lua, base + 1, &name_len);
  if (!name) {
    lua_pushliteral(lua, "Library name was not given");
    return fail_at(lua, base);
  }
  if (!valid_name(name, name_len)) {
    lua_pushliteral(lua, "Library names can only contain letters, numbers, or underscores(_) and must be at least one character long");
    return fail_at(lua, base);
  }
  if (!lua_isnil(lua, base + 2)) return fail_at(lua, base);
  lua_pop(lua, 1);
  int lib_name = base + 1;
  lua_getfield(lua, LUA_REGISTRYINDEX, "__libs");
  int libs = lua_gettop(lua);
  lua_getfield(lua, LUA_REGISTRYINDEX, "__funcs");
  int funcs = lua_gettop(lua);
  lua_pushvalue(lua, lib_name);
  lua_rawget(lua, libs);
  int old = lua_gettop(lua);
  if (!lua_isnil(lua, old) && mode != LOAD_REPLACE) {
    /* FUNCTION RESTORE's libraryJoin words it without quotes */
    lua_pushfstring(lua, mode == LOAD_NEW ? "Library '%s' already exists" : "Library %s already exists", lua_tostring(lua, lib_name));
    return fail_at(lua, base);
  }

  /* the body keeps its shebang's newline, so that line numbers are the source's */
  const char *body = memchr(code, '\n', len);
  if (luaL_loadbuffer(lua, body, len - (size_t)(body - code), "@user_function")) {
    lua_pushfstring(lua, "Error compiling function: %s", lua_tostring(lua, -1));
    return fail_at(lua, base);
  }
  lua_newtable(lua);
  lua_pushvalue(lua, -1);
  lua_setfield(lua, LUA_REGISTRYINDEX, "__loading");
  lua_insert(lua, -2);
  int loaded = lua_gettop(lua) - 1;
  read_globals_from(lua, "__library_api");
  load_started_us = ferrite_clock_us(); /* time_us is frozen for the command */
  lua_sethook(lua, load_hook, LUA_MASKCOUNT, LOAD_HOOK_EVERY);
  int err = lua_pcall(lua, 0, 0, 0);
  lua_sethook(lua, NULL, 0, 0);
  read_globals_from(lua, "__globals");
  lua_pushnil(lua);
  lua_setfield(lua, LUA_REGISTRYINDEX, "__loading");
  if (err) {
    /* an error table's err field carries its code; a Lua error's text gets ERR */
    if (lua_istable(lua, -1)) {
      lua_getfield(lua, -1, "err");
      lua_pushfstring(lua, "Error registering functions: %s", lua_isstring(lua, -1) ? lua_tostring(lua, -1) : "");
    } else {
      lua_pushfstring(lua, "Error registering functions: ERR %s", lua_isstring(lua, -1) ? lua_tostring(lua, -1) : "");
    }
    return fail_at(lua, base);
  }
  lua_pushnil(lua);
  if (!lua_next(lua, loaded)) {
    lua_pushliteral(lua, "No functions registered");
    return fail_at(lua, base);
  }
  lua_pop(lua, 2);
  /* no name may collide with another library's function (the replaced library's are its own) */
  lua_pushnil(lua);
  while (lua_next(lua, loaded)) {
    push_function_key(lua, -2);
    lua_rawget(lua, funcs);
    if (lua_istable(lua, -1)) {
      lua_getfield(lua, -1, "library");
      if (!lua_rawequal(lua, -1, lib_name)) {
        lua_pushfstring(lua, "Function %s already exists", lua_tostring(lua, -4));
        return fail_at(lua, base);
      }
      lua_pop(lua, 1);
    }
    lua_pop(lua, 2);
  }
  function_cache_clear(lua);
  if (!lua_isnil(lua, old)) { /* libraryUnlink */
    lua_getfield(lua, old, "funcs");
    lua_pushnil(lua);
    while (lua_next(lua, -2)) {
      lua_pop(lua, 1);
      push_function_key(lua, -1);
      lua_pushnil(lua);
      lua_rawset(lua, funcs);
    }
    lua_pop(lua, 1);
  }
  lua_pushnil(lua); /* libraryLink */
  while (lua_next(lua, loaded)) {
    lua_pushvalue(lua, lib_name);
    lua_setfield(lua, -2, "library");
    push_function_key(lua, -2);
    lua_insert(lua, -2);
    lua_rawset(lua, funcs);
  }
  lua_pushvalue(lua, lib_name);
  lua_newtable(lua);
  lua_pushlstring(lua, code, len);
  lua_setfield(lua, -2, "code");
  lua_pushvalue(lua, loaded);
  lua_setfield(lua, -2, "funcs");
  lua_rawset(lua, libs);
  lua_pushvalue(lua, lib_name);
  lua_replace(lua, base + 1);
  lua_settop(lua, base + 1);
  return 0;
}

int function_lookup(lua_State *lua, const char *name, size_t len) {
  lua_getfield(lua, LUA_REGISTRYINDEX, "__funcs");
  lua_pushlstring(lua, name, len);
  push_function_key(lua, -1);
  lua_remove(lua, -2);
  lua_rawget(lua, -2);
  lua_remove(lua, -2);
  if (lua_istable(lua, -1)) return 1;
  lua_pop(lua, 1);
  return 0;
}

void fcall_command(int32_t argc, const ferrite_arg *argv, int read_only) {
  lua_State *lua = functions_engine();
  int flags;
  if (!function_push(lua, FERRITE_ARG_PTR(argv[1]), argv[1].len, &flags)) {
    FERRITE_REPLY_ERROR_LITERAL("ERR Function not found");
    return;
  }
  long long numkeys;
  const char *error = NULL;
  if (parse_numkeys(&argv[2], &numkeys)) error = "ERR Bad number of keys provided";
  else if (numkeys > argc - 3) error = "ERR Number of keys can't be greater than number of args";
  else if (numkeys < 0) error = "ERR Number of keys can't be negative";
  if (error) {
    lua_pop(lua, 2);
    ferrite_reply_error(error, (int32_t)strlen(error));
    return;
  }
  const char *name = lua_tostring(lua, -2);
  push_error_handler(lua);
  lua_insert(lua, -2); /* below the callback, as run_script wants them */
  run_script(lua, name, flags, read_only, argc, argv, numkeys, 1);
  lua_pop(lua, 1); /* the name */
}

int library_delete(const char *name, size_t len) {
  lua_State *lua = functions_engine();
  lua_getfield(lua, LUA_REGISTRYINDEX, "__libs");
  lua_getfield(lua, LUA_REGISTRYINDEX, "__funcs");
  lua_pushlstring(lua, name, len);
  lua_pushvalue(lua, -1);
  lua_rawget(lua, -4);
  if (lua_isnil(lua, -1)) {
    lua_pop(lua, 4);
    return -1;
  }
  function_cache_clear(lua);
  lua_getfield(lua, -1, "funcs");
  lua_pushnil(lua);
  while (lua_next(lua, -2)) { /* [libs funcs name lib lib.funcs fname f] */
    lua_pop(lua, 1);
    push_function_key(lua, -1);
    lua_pushnil(lua);
    lua_rawset(lua, -7);
  }
  lua_pop(lua, 2);
  lua_pushnil(lua);
  lua_rawset(lua, -4);
  lua_pop(lua, 2);
  return 0;
}

void reply_subcommand_syntax_error(const ferrite_arg *subcommand) {
  lua_State *lua = functions_engine();
  lua_pushliteral(lua, "ERR unknown subcommand or wrong number of arguments for '");
  lua_pushlstring(lua, FERRITE_ARG_PTR(*subcommand), subcommand->len);
  lua_pushliteral(lua, "'. Try FUNCTION HELP.");
  lua_concat(lua, 3);
  size_t len;
  const char *text = lua_tolstring(lua, -1, &len);
  reply_error_text(text, len);
  lua_pop(lua, 1);
}
