/* SCRIPT LOAD script: compile into the cache, answer its sha1. */
#include "../scripting.h"

void cmd_script_load(int32_t argc, const ferrite_arg *argv) {
  char sha[41];
  if (script_create(FERRITE_ARG_PTR(argv[2]), argv[2].len, sha) < 0) return;
  ferrite_reply_bulk(sha, 40);
}
