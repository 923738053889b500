/* SCRIPT FLUSH [ASYNC|SYNC]: a fresh interpreter. Both modes free the old one at once: it lives in this
 * plugin's memory, where nothing else could do it in the background. */
#include "../scripting.h"

void cmd_script_flush(int32_t argc, const ferrite_arg *argv) {
  if (argc > 3 || (argc == 3 && !is_flush_mode(&argv[2]))) {
    FERRITE_REPLY_ERROR_LITERAL("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
    return;
  }
  engine_reset();
  ferrite_reply_ok();
}
