/* FCALL_RO function numkeys [key …] [arg …]: only a function flagged no-writes may run. */
#include "../scripting.h"

void cmd_fcall_ro(int32_t argc, const ferrite_arg *argv) {
  fcall_command(argc, argv, 1);
}
