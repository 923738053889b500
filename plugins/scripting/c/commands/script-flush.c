/* SCRIPT FLUSH [ASYNC|SYNC]: a fresh interpreter. Both modes free the old one at once: it lives in this
 * plugin's memory, where nothing else could do it in the background. */
#include <strings.h>
#include "../scripting.h"

void cmd_script_flush(int32_t argc, const ferrite_arg *argv) {
  if (argc == 3) {
    const char *mode = FERRITE_ARG_PTR(argv[2]);
    int sync = argv[2].len == 4 && strncasecmp(mode, "sync", 4) == 0;
    int async = argv[2].len == 5 && strncasecmp(mode, "async", 5) == 0;
    if (!sync && !async) {
      FERRITE_REPLY_ERROR_LITERAL("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
      return;
    }
  } else if (argc > 3) {
    FERRITE_REPLY_ERROR_LITERAL("ERR SCRIPT FLUSH only support SYNC|ASYNC option");
    return;
  }
  engine_reset();
  ferrite_reply_ok();
}
