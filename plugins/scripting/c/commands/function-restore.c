/* FUNCTION RESTORE payload [FLUSH|APPEND|REPLACE]: all the payload's libraries or none, as Redis: on a
 * failure the libraries from before are loaded back. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../scripting.h"
#include "lua.h"

enum policy { APPEND, REPLACE, FLUSH };

static int is(const ferrite_arg *a, const char *word, size_t len) {
  return a->len == len && strncasecmp(FERRITE_ARG_PTR(*a), word, len) == 0;
}

void cmd_function_restore(int32_t argc, const ferrite_arg *argv) {
  if (argc > 4) {
    reply_subcommand_syntax_error(&argv[1]);
    return;
  }
  enum policy policy = APPEND;
  if (argc == 4) {
    if (is(&argv[3], "append", 6)) policy = APPEND;
    else if (is(&argv[3], "replace", 7)) policy = REPLACE;
    else if (is(&argv[3], "flush", 5)) policy = FLUSH;
    else {
      FERRITE_REPLY_ERROR_LITERAL("ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.");
      return;
    }
  }
  const char *payload = FERRITE_ARG_PTR(argv[2]);
  size_t len = argv[2].len;
  if (!payload_valid(payload, len)) {
    FERRITE_REPLY_ERROR_LITERAL("ERR DUMP payload version or checksum are wrong");
    return;
  }
  lua_State *lua = functions_engine();
  /* what to load back on a failure, outside the interpreter FLUSH replaces */
  payload_push(lua);
  size_t backup_len;
  const char *saved = lua_tolstring(lua, -1, &backup_len);
  char *backup = malloc(backup_len);
  if (!backup) __builtin_trap();
  memcpy(backup, saved, backup_len);
  lua_pop(lua, 1);
  if (policy == FLUSH) functions_reset();
  lua = functions_engine();
  if (payload_load(payload, len, policy == REPLACE ? LOAD_REPLACE : RESTORE_APPEND) == 0) {
    ferrite_reply_ok();
  } else {
    lua_pushfstring(lua, "ERR %s", lua_tostring(lua, -1));
    size_t elen;
    const char *err = lua_tolstring(lua, -1, &elen);
    reply_error_text(err, elen);
    functions_reset();
    if (payload_load(backup, backup_len, LOAD_NEW) < 0) __builtin_trap(); /* they loaded before */
  }
  free(backup);
}
