/* SCRIPT EXISTS sha1 [sha1 …]: 1 or 0 for each (sha1s compare without case, as in Redis). */
#include "../scripting.h"
#include "lua.h"

void cmd_script_exists(int32_t argc, const ferrite_arg *argv) {
  ferrite_reply_array(argc - 2);
  for (int32_t j = 2; j < argc; j++) {
    int found = argv[j].len == 40 && script_push(FERRITE_ARG_PTR(argv[j]), NULL);
    if (found) lua_pop(engine(), 1);
    ferrite_reply_small_int(found);
  }
}
