/* FUNCTION FLUSH [ASYNC|SYNC]: a fresh interpreter without libraries. Both modes free the old one at once
 * (it lives in this plugin's memory, as SCRIPT FLUSH explains). */
#include "../scripting.h"

void cmd_function_flush(int32_t argc, const ferrite_arg *argv) {
  if (argc > 3) {
    reply_subcommand_syntax_error(&argv[1]);
    return;
  }
  if (argc == 3 && !is_flush_mode(&argv[2])) {
    FERRITE_REPLY_ERROR_LITERAL("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
    return;
  }
  functions_reset();
  ferrite_reply_ok();
}
