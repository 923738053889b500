/* FUNCTION FLUSH [ASYNC|SYNC]: a fresh interpreter without libraries. Both modes free the old one at once
 * (it lives in this plugin's memory, as SCRIPT FLUSH explains). */
#include <strings.h>
#include "../scripting.h"

void cmd_function_flush(int32_t argc, const ferrite_arg *argv) {
  if (argc > 3) {
    reply_subcommand_syntax_error(&argv[1]);
    return;
  }
  if (argc == 3) {
    const char *mode = FERRITE_ARG_PTR(argv[2]);
    int sync = argv[2].len == 4 && strncasecmp(mode, "sync", 4) == 0;
    int async = argv[2].len == 5 && strncasecmp(mode, "async", 5) == 0;
    if (!sync && !async) {
      FERRITE_REPLY_ERROR_LITERAL("ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
      return;
    }
  }
  functions_reset();
  ferrite_reply_ok();
}
