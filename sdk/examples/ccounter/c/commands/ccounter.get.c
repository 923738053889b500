/* CCOUNTER.GET key: the counter at key, nil when absent. */
#include "../counter.h"

void cmd_ccounter_get(int32_t argc, const ferrite_arg *argv) {
  double h = ferrite_key_find(FERRITE_ARG(argv[1]), CCOUNTER_TYPE, 0);
  if (h == FERRITE_WRONGTYPE) return (void)FERRITE_REPLY_ERROR_LITERAL(ERR_WRONGTYPE);
  if (h == FERRITE_MISSING) return ferrite_reply_null();
  ferrite_reply_int(*FERRITE_POINTER(int64_t, h));
}
