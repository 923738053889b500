/* EVAL script numkeys [key …] [arg …] */
#include "../scripting.h"

void cmd_eval(int32_t argc, const ferrite_arg *argv) {
  eval_command(argc, argv, 0, 0);
}
