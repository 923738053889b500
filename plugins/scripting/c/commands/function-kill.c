/* FUNCTION KILL: as SCRIPT KILL, there is never a function running while another command is served. */
#include "../scripting.h"

void cmd_function_kill(int32_t argc, const ferrite_arg *argv) {
  FERRITE_REPLY_ERROR_LITERAL("NOTBUSY No scripts in execution right now.");
}
