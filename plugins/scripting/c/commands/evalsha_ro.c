/* EVALSHA_RO sha1 numkeys [key …] [arg …]: the script may not write. */
#include "../scripting.h"

void cmd_evalsha_ro(int32_t argc, const ferrite_arg *argv) {
  eval_command(argc, argv, 1, 1);
}
