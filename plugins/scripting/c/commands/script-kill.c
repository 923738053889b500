/* SCRIPT KILL: scriptKill. The host runs it only between two steps of a busy script (ADR 0038), having
 * answered UNKILLABLE (a script that wrote) and BUSY (a function is running) itself, as those need what
 * the host knows of the script's calls; what is left is to mark the script, which its count hook ends. */
#include "../scripting.h"

void cmd_script_kill(int32_t argc, const ferrite_arg *argv) {
  kill_running();
}
