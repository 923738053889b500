/* FUNCTION DUMP: every library's source in this plugin's payload format (function-payload.c). */
#include "../scripting.h"

void cmd_function_dump(int32_t argc, const ferrite_arg *argv) {
  payload_emit(ferrite_reply_bulk);
}
