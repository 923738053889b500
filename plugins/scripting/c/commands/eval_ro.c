/* EVAL_RO script numkeys [key …] [arg …]: the script may not write. */
#include "../scripting.h"

void cmd_eval_ro(int32_t argc, const ferrite_arg *argv) {
  eval_command(argc, argv, 0, 1);
}
