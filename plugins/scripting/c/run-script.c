/* EVAL and its variants: eval.c's evalGenericCommand and script_lua.c's luaCallFunction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scripting.h"
#include "lauxlib.h"

struct script_run *running;

/** Scripts between two incremental GC steps (LUA_GC_CYCLE_PERIOD in script_lua.c). */
#define GC_CYCLE_PERIOD 50
static int gc_count;

static void push_array(lua_State *lua, const ferrite_arg *argv, long long n);

/*
 * EVAL's KEYS and ARGV: one table each per interpreter, emptied and refilled for every run rather than
 * made anew (Redis makes new ones), which spares a table and its garbage per run. No script can tell:
 * the globals are locked, so a script has nowhere to keep the table beyond its own run. (A function's
 * arguments get new tables: a library's upvalues outlive a call.)
 */
static const char KEYS_GLOBAL[] = "KEYS", ARGV_GLOBAL[] = "ARGV";

/** `name` is KEYS_GLOBAL or ARGV_GLOBAL: its address is the table's key in the registry. */
static void set_array_global(lua_State *lua, const char *name, const ferrite_arg *argv, long long n) {
  lua_pushlightuserdata(lua, (void *)name);
  lua_rawget(lua, LUA_REGISTRYINDEX);
  if (lua_isnil(lua, -1)) {
    lua_pop(lua, 1);
    lua_newtable(lua);
    lua_pushlightuserdata(lua, (void *)name);
    lua_pushvalue(lua, -2);
    lua_rawset(lua, LUA_REGISTRYINDEX);
    /* KEYS and ARGV are the only globals a script run sets: the lock opens for them alone */
    lua_pushvalue(lua, -1);
    lua_enablereadonlytable(lua, LUA_GLOBALSINDEX, 0);
    lua_setglobal(lua, name);
    lua_enablereadonlytable(lua, LUA_GLOBALSINDEX, 1);
  } else {
    /* whatever the last script left there: extra entries, fields, a metatable */
    lua_pushnil(lua);
    lua_setmetatable(lua, -2);
    lua_pushnil(lua);
    while (lua_next(lua, -2)) {
      lua_pop(lua, 1);
      lua_pushvalue(lua, -1);
      lua_pushnil(lua);
      lua_rawset(lua, -4);
    }
  }
  for (long long j = 0; j < n; j++) {
    lua_pushlstring(lua, FERRITE_ARG_PTR(argv[j]), argv[j].len);
    lua_rawseti(lua, -2, (int)(j + 1));
  }
  lua_pop(lua, 1);
}

int parse_numkeys(const ferrite_arg *a, long long *out) {
  const char *s = FERRITE_ARG_PTR(*a);
  size_t len = a->len;
  if (len == 0 || len > 20) return -1;
  size_t i = 0;
  int neg = s[0] == '-';
  if (neg) i = 1;
  if (i == len || (s[i] == '0' && len > i + 1)) return -1;
  unsigned long long v = 0;
  for (; i < len; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    unsigned long long next = v * 10 + (unsigned)(s[i] - '0');
    if (next / 10 != v) return -1;
    v = next;
  }
  if (v > (neg ? 9223372036854775808ULL : 9223372036854775807ULL)) return -1;
  *out = neg ? (long long)(0 - v) : (long long)v;
  return 0;
}

static void reply_script_error(lua_State *lua, const char *sha) {
  if (!lua_istable(lua, -1)) {
    /* "%.100s" of the message, as Redis formats it */
    size_t len = 17;
    const char *msg = lua_isstring(lua, -1) ? lua_tolstring(lua, -1, &len) : "execution failure";
    lua_pushfstring(lua, "ERR Error running script %s, ", sha);
    lua_pushlstring(lua, msg, len < 100 ? len : 100);
    lua_concat(lua, 2);
  } else {
    /* {err=…, source=…, line=…} from the error handler: "-<err> script: <sha>, on <source>:<line>." */
    lua_getfield(lua, -1, "err");
    lua_getfield(lua, -2, "source");
    lua_getfield(lua, -3, "line");
    if (lua_isstring(lua, -3) && lua_isstring(lua, -2) && lua_isstring(lua, -1))
      lua_pushfstring(lua, "%s script: %s, on %s:%s.", lua_tostring(lua, -3), sha, lua_tostring(lua, -2), lua_tostring(lua, -1));
    else
      lua_pushstring(lua, lua_isstring(lua, -3) ? lua_tostring(lua, -3) : "");
    lua_replace(lua, -4);
    lua_pop(lua, 2);
  }
  size_t len;
  const char *s = lua_tolstring(lua, -1, &len);
  reply_error_text(s, len);
  lua_pop(lua, 2); /* the reply text and the error */
}

void eval_command(int32_t argc, const ferrite_arg *argv, int evalsha, int read_only) {
  lua_State *lua = engine();
  long long numkeys;
  if (parse_numkeys(&argv[2], &numkeys)) {
    FERRITE_REPLY_ERROR_LITERAL("ERR value is not an integer or out of range");
    return;
  }
  if (numkeys > argc - 3) {
    FERRITE_REPLY_ERROR_LITERAL("ERR Number of keys can't be greater than number of args");
    return;
  }
  if (numkeys < 0) {
    FERRITE_REPLY_ERROR_LITERAL("ERR Number of keys can't be negative");
    return;
  }
  char sha[41];
  if (evalsha) {
    if (argv[1].len != 40) {
      FERRITE_REPLY_ERROR_LITERAL("NOSCRIPT No matching script. Please use EVAL.");
      return;
    }
    for (int j = 0; j < 40; j++) {
      char c = FERRITE_ARG_PTR(argv[1])[j];
      sha[j] = c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
    }
    sha[40] = 0;
  } else {
    sha1hex(sha, (char *)FERRITE_ARG_PTR(argv[1]), argv[1].len);
  }

  push_error_handler(lua);
  int flags;
  if (!script_push(sha, &flags)) {
    if (evalsha) {
      lua_pop(lua, 1);
      FERRITE_REPLY_ERROR_LITERAL("NOSCRIPT No matching script. Please use EVAL.");
      return;
    }
    if (script_create(FERRITE_ARG_PTR(argv[1]), argv[1].len, sha) < 0) {
      lua_pop(lua, 1);
      return;
    }
    script_push(sha, &flags);
  }
  run_script(lua, sha, flags, read_only, argc, argv, numkeys, 0);
}

static void push_array(lua_State *lua, const ferrite_arg *argv, long long n) {
  lua_createtable(lua, n < 0x7fffffff ? (int)n : 0, 0);
  for (long long j = 0; j < n; j++) {
    lua_pushlstring(lua, FERRITE_ARG_PTR(argv[j]), argv[j].len);
    lua_rawseti(lua, -2, (int)(j + 1));
  }
}

/** Lua instructions between two runs of the count hook (luaCallFunction's 100000). */
#define HOOK_EVERY 100000

/** Copy what FUNCTION STATS shows of the running script out of the arena and the engine (see script_run). */
static void save_for_stats(lua_State *lua, struct script_run *run) {
  size_t bytes = 0;
  for (int32_t j = 0; j < run->argc; j++) bytes += run->argv[j].len;
  ferrite_arg *copy = malloc(sizeof(ferrite_arg) * (size_t)run->argc + bytes);
  if (!copy) return;
  char *at = (char *)(copy + run->argc);
  for (int32_t j = 0; j < run->argc; j++) {
    memcpy(at, FERRITE_ARG_PTR(run->argv[j]), run->argv[j].len);
    copy[j].ptr = (uint32_t)(uintptr_t)at;
    copy[j].len = run->argv[j].len;
    at += run->argv[j].len;
  }
  lua_State *functions = functions_engine();
  run->libraries_count = registry_count(functions, "__libs");
  run->functions_count = registry_count(functions, "__funcs");
  run->saved_argv = copy;
}

/**
 * luaMaskCountHook: where a killed script stops. The error is raised again at every line from then on,
 * so that a pcall catching it cannot keep the script alive.
 */
static void count_hook(lua_State *lua, lua_Debug *ar) {
  (void)ar;
  struct script_run *run = running;
  if (!run->saved_argv) save_for_stats(lua, run);
  if (!run->killed) return;
  ferrite_log(3, "Lua script killed by user with SCRIPT KILL.", 43);
  lua_sethook(lua, count_hook, LUA_MASKLINE, 0);
  PUSH_ERROR_LITERAL(lua, "Script killed by user with SCRIPT KILL...");
  lua_error(lua);
}

void kill_running(void) {
  if (!running) {
    FERRITE_REPLY_ERROR_LITERAL("NOTBUSY No scripts in execution right now.");
    return;
  }
  running->killed = 1;
  ferrite_reply_ok();
}

int registry_count(lua_State *lua, const char *registry_table) {
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

void run_script(lua_State *lua, const char *name, int flags, int read_only, int32_t argc, const ferrite_arg *argv,
                long long nkeys, int as_arguments) {
  const ferrite_arg *keys = argv + 3, *args = argv + 3 + nkeys;
  long long nargs = argc - 3 - nkeys;
  /* scriptPrepareForRun: a script that declares no-writes runs read-only; *_RO needs that or no flags */
  int base = lua_gettop(lua) - 2; /* below the error handler and the function */
  if (read_only && !(flags & SCRIPT_FLAG_EVAL_COMPAT_MODE) && !(flags & SCRIPT_FLAG_NO_WRITES)) {
    lua_settop(lua, base);
    FERRITE_REPLY_ERROR_LITERAL("ERR Can not execute a script with write flag using *_ro command.");
    return;
  }
  struct script_run run = {
      .sha = name, .read_only = read_only || (flags & SCRIPT_FLAG_NO_WRITES) != 0, .resp = 2,
      .is_function = as_arguments, .started_us = ferrite_time_us(), .argc = argc, .argv = argv};
  running = &run;
  lua_sethook(lua, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
  int err;
  if (as_arguments) {
    push_array(lua, keys, nkeys);
    push_array(lua, args, nargs);
    err = lua_pcall(lua, 2, 1, -4);
  } else {
    set_array_global(lua, KEYS_GLOBAL, keys, nkeys);
    set_array_global(lua, ARGV_GLOBAL, args, nargs);
    err = lua_pcall(lua, 0, 1, -2);
  }
  if (++gc_count == GC_CYCLE_PERIOD) {
    lua_gc(lua, LUA_GCSTEP, GC_CYCLE_PERIOD);
    gc_count = 0;
  }
  lua_sethook(lua, NULL, 0, 0);
  if (err) reply_script_error(lua, name);
  else reply_from_lua(lua);
  lua_settop(lua, base); /* the error handler too, on either path */
  free(run.saved_argv);
  running = NULL;
}
