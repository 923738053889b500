/* SCRIPT KILL: a script here runs to its end (or to the plugin's CPU budget) before the server reads
 * another client's command, so there is never one to kill (ADR 0023: busy scripts are not built yet). */
#include "../scripting.h"

void cmd_script_kill(int32_t argc, const ferrite_arg *argv) {
  FERRITE_REPLY_ERROR_LITERAL("NOTBUSY No scripts in execution right now.");
}
