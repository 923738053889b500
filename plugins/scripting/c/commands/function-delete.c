/* FUNCTION DELETE library: its functions go with it. */
#include "../scripting.h"

void cmd_function_delete(int32_t argc, const ferrite_arg *argv) {
  if (library_delete(FERRITE_ARG_PTR(argv[2]), argv[2].len) < 0) {
    FERRITE_REPLY_ERROR_LITERAL("ERR Library not found");
    return;
  }
  ferrite_reply_ok();
}
