/* FCALL function numkeys [key …] [arg …] */
#include "../scripting.h"

void cmd_fcall(int32_t argc, const ferrite_arg *argv) {
  fcall_command(argc, argv, 0);
}
