/* SCRIPT HELP: Redis's text for the subcommands this plugin serves (no DEBUG: the Lua debugger is not
 * offered). */
#include "../scripting.h"

static const char *const HELP[] = {
    "EXISTS <sha1> [<sha1> ...]",
    "    Return information about the existence of the scripts in the script cache.",
    "FLUSH [ASYNC|SYNC]",
    "    Flush the Lua scripts cache. Very dangerous on replicas.",
    "    When called without the optional mode argument, the behavior is determined by the",
    "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
    "    * ASYNC: Asynchronously flush the scripts cache.",
    "    * SYNC: Synchronously flush the scripts cache.",
    "KILL",
    "    Kill the currently executing Lua script.",
    "LOAD <script>",
    "    Load a script into the scripts cache without executing it.",
};

void cmd_script_help(int32_t argc, const ferrite_arg *argv) {
  reply_help("SCRIPT", HELP, sizeof HELP / sizeof HELP[0]);
}
