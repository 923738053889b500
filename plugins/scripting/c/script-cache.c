/* The script cache: each script compiled once into a function kept in the Lua registry under f_<sha1>,
 * as eval.c's luaCreateFunction does, with the flags of its shebang line beside it. */
#include <stdio.h>
#include <string.h>
#include "scripting.h"
#include "lauxlib.h"

const struct script_flag SCRIPT_FLAGS[SCRIPT_FLAG_COUNT] = {
    {SCRIPT_FLAG_NO_WRITES, "no-writes"},   {SCRIPT_FLAG_ALLOW_OOM, "allow-oom"},
    {SCRIPT_FLAG_ALLOW_STALE, "allow-stale"}, {SCRIPT_FLAG_NO_CLUSTER, "no-cluster"},
    {SCRIPT_FLAG_ALLOW_CROSS_SLOT, "allow-cross-slot-keys"},
};

static void reply_format(const char *fmt, const char *arg, size_t arg_len) {
  char buf[256];
  int n = snprintf(buf, sizeof buf, fmt, (int)arg_len, arg);
  reply_error_text(buf, n < (int)sizeof buf ? (size_t)n : sizeof buf - 1);
}

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/**
 * evalExtractShebangFlags: `#!lua [flags=a,b]` on the first line. Answers the flags (or -1, after
 * replying the error when `reply`) and the shebang's length, which the compiled body skips (keeping its
 * newline so line numbers stay right). Arguments are split on blanks like sdssplitargs without quotes,
 * which a shebang never carries.
 */
int shebang_flags(const char *body, size_t len, size_t *skip, int reply) {
  *skip = 0;
  if (len < 2 || body[0] != '#' || body[1] != '!') return SCRIPT_FLAG_EVAL_COMPAT_MODE;
  const char *end = memchr(body, '\n', len);
  if (!end) {
    if (reply) FERRITE_REPLY_ERROR_LITERAL("ERR Invalid script shebang");
    return -1;
  }
  *skip = (size_t)(end - body);
  int flags = 0, part = 0;
  for (const char *p = body; p < end;) {
    while (p < end && is_space(*p)) p++;
    if (p == end) break;
    const char *word = p;
    while (p < end && !is_space(*p)) p++;
    size_t wlen = (size_t)(p - word);
    if (part++ == 0) {
      if (wlen != 5 || memcmp(word, "#!lua", 5) != 0) {
        if (reply) reply_format("ERR Unexpected engine in script shebang: %.*s", word, wlen);
        return -1;
      }
    } else if (wlen >= 6 && memcmp(word, "flags=", 6) == 0) {
      /* sdssplitlen on ",": `flags=` alone sets none, an empty piece is an unknown flag */
      const char *f = word + 6;
      while (f < p) {
        const char *comma = memchr(f, ',', (size_t)(p - f));
        const char *fend = comma ? comma : p;
        size_t flen = (size_t)(fend - f), i = 0;
        while (i < SCRIPT_FLAG_COUNT && !(strlen(SCRIPT_FLAGS[i].name) == flen && memcmp(SCRIPT_FLAGS[i].name, f, flen) == 0)) i++;
        if (i == SCRIPT_FLAG_COUNT) {
          if (reply) reply_format("ERR Unexpected flag in script shebang: %.*s", f, flen);
          return -1;
        }
        flags |= SCRIPT_FLAGS[i].flag;
        if (!comma) break;
        f = comma + 1;
      }
    } else {
      if (reply) reply_format("ERR Unknown lua shebang option: %.*s", word, wlen);
      return -1;
    }
  }
  return flags;
}

static void registry_name(char out[43], char prefix, const char sha[40]) {
  out[0] = prefix;
  out[1] = '_';
  for (int j = 0; j < 40; j++) out[j + 2] = sha[j] >= 'A' && sha[j] <= 'Z' ? (char)(sha[j] + ('a' - 'A')) : sha[j];
  out[42] = 0;
}

/*
 * EVALSHA looks its script up on every run: a small direct-mapped cache in front of the registry finds
 * it by a reference (an integer key) and keeps its flags beside it, instead of two lookups by a
 * 42-byte name. A slot is refilled from the registry on a miss; the registry stays the cache's truth.
 */
#define SLOTS 64
static struct slot {
  char sha[40]; /* lowercase */
  int ref;      /* luaL_ref of the function; 0 for an empty slot (luaL_ref never answers 0) */
  int flags;
} slots[SLOTS];

void script_cache_clear(void) {
  memset(slots, 0, sizeof slots);
}

/** A slot from the first two hex digits (any other byte of a bad EVALSHA argument still picks one). */
static struct slot *slot_for(const char *lower) {
  return &slots[((unsigned char)lower[0] * 16u + (unsigned char)lower[1]) % SLOTS];
}

int script_push(const char sha[40], int *flags) {
  lua_State *lua = engine();
  char name[43];
  registry_name(name, 'f', sha);
  const char *lower = name + 2;
  struct slot *slot = slot_for(lower);
  if (slot->ref && memcmp(slot->sha, lower, 40) == 0) {
    lua_rawgeti(lua, LUA_REGISTRYINDEX, slot->ref);
    if (flags) *flags = slot->flags;
    return 1;
  }
  lua_getfield(lua, LUA_REGISTRYINDEX, name);
  if (lua_isnil(lua, -1)) {
    lua_pop(lua, 1);
    return 0;
  }
  name[0] = 'F';
  lua_getfield(lua, LUA_REGISTRYINDEX, name);
  int script_flags = (int)lua_tonumber(lua, -1);
  lua_pop(lua, 1);
  if (slot->ref) luaL_unref(lua, LUA_REGISTRYINDEX, slot->ref);
  lua_pushvalue(lua, -1);
  slot->ref = luaL_ref(lua, LUA_REGISTRYINDEX);
  memcpy(slot->sha, lower, 40);
  slot->flags = script_flags;
  if (flags) *flags = script_flags;
  return 1;
}

int script_create(const char *body, size_t len, char sha[41]) {
  lua_State *lua = engine();
  sha1hex(sha, (char *)body, len);
  if (script_push(sha, NULL)) {
    lua_pop(lua, 1);
    return 0;
  }
  size_t skip;
  int flags = shebang_flags(body, len, &skip, 1);
  if (flags < 0) return -1;
  if (luaL_loadbuffer(lua, body + skip, len - skip, "@user_script")) {
    lua_pushfstring(lua, "ERR Error compiling script (new function): %s", lua_tostring(lua, -1));
    size_t elen;
    const char *err = lua_tolstring(lua, -1, &elen);
    reply_error_text(err, elen);
    lua_pop(lua, 2);
    return -1;
  }
  char name[43];
  registry_name(name, 'f', sha);
  lua_setfield(lua, LUA_REGISTRYINDEX, name);
  registry_name(name, 'F', sha);
  lua_pushnumber(lua, flags);
  lua_setfield(lua, LUA_REGISTRYINDEX, name);
  return 0;
}

/* eval.c's sha1hex, over Redis's sha1.c. */
#include "sha1.h"
void sha1hex(char *digest, char *script, size_t len) {
  static const char hex[] = "0123456789abcdef";
  SHA1_CTX ctx;
  unsigned char hash[20];
  SHA1Init(&ctx);
  SHA1Update(&ctx, (unsigned char *)script, len);
  SHA1Final(hash, &ctx);
  for (int j = 0; j < 20; j++) {
    digest[j * 2] = hex[(hash[j] & 0xF0) >> 4];
    digest[j * 2 + 1] = hex[hash[j] & 0xF];
  }
  digest[40] = 0;
}
