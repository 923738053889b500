/* EVALSHA sha1 numkeys [key …] [arg …] */
#include "../scripting.h"

void cmd_evalsha(int32_t argc, const ferrite_arg *argv) {
  eval_command(argc, argv, 1, 0);
}
