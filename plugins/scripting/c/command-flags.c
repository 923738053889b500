/* Host API 1.9 ferrite_command_flags (ADR 0049): what a script or function declares decides whether its
 * EVAL, EVALSHA or FCALL (and their _RO forms) writes, is refused under maxmemory or may replicate, as
 * eval.c's evalGetCommandFlags, function.c's fcallGetCommandFlags and scriptFlagsToCmdFlags decide it.
 * A script without a shebang (compat mode), an EVALSHA of a sha not cached and an FCALL of a function
 * not loaded keep the command's own flags (-1). The host asks from its gates only (CLIENT PAUSE WRITE,
 * maxmemory, MISCONF, MULTI), never while a script runs. */
#include <string.h>
#include <strings.h>
#include "scripting.h"

/* The bits of abi.json's ferrite_command_flags. */
#define CALL_WRITE 1
#define CALL_DENYOOM 2

/** scriptFlagsToCmdFlags: no-writes implies allow-oom, and may_replicate is dropped (writing says it). */
static int32_t command_flags(int script_flags) {
  if (script_flags & SCRIPT_FLAG_EVAL_COMPAT_MODE) return -1;
  int32_t flags = 0;
  if (!(script_flags & (SCRIPT_FLAG_ALLOW_OOM | SCRIPT_FLAG_NO_WRITES))) flags |= CALL_DENYOOM;
  if (!(script_flags & SCRIPT_FLAG_NO_WRITES)) flags |= CALL_WRITE;
  return flags;
}

static int named(const ferrite_arg *a, const char *name) {
  size_t n = strlen(name);
  return a->len == n && strncasecmp(FERRITE_ARG_PTR(*a), name, n) == 0;
}

int32_t ferrite_command_flags(int32_t id, int32_t argc, const void *args) {
  const ferrite_arg *argv = args;
  if (argc < 2) return -1;
  const ferrite_arg *name = &argv[0], *target = &argv[1];
  if (named(name, "fcall") || named(name, "fcall_ro")) {
    lua_State *lua = functions_engine();
    int flags;
    if (!function_push(lua, FERRITE_ARG_PTR(*target), target->len, &flags)) return -1;
    lua_pop(lua, 2); /* the name and the callback FCALL's lookup pushes */
    return command_flags(flags);
  }
  if (named(name, "evalsha") || named(name, "evalsha_ro")) {
    int flags;
    if (target->len != 40 || !script_push(FERRITE_ARG_PTR(*target), &flags)) return -1;
    lua_pop(engine(), 1);
    return command_flags(flags);
  }
  /* EVAL: the cached script's flags are its shebang's, so the shebang answers whether it is cached or not */
  size_t skip;
  int flags = shebang_flags(FERRITE_ARG_PTR(*target), target->len, &skip, 0);
  return flags < 0 ? -1 : command_flags(flags);
}
