/* FUNCTION KILL: SCRIPT KILL for a running function (see script-kill.c). */
#include "../scripting.h"

void cmd_function_kill(int32_t argc, const ferrite_arg *argv) {
  kill_running();
}
