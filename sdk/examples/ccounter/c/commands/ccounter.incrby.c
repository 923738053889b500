/* CCOUNTER.INCRBY key increment: the counter plus increment, created at 0, with Redis's errors. */
#include <stdlib.h>
#include "../counter.h"

void cmd_ccounter_incrby(int32_t argc, const ferrite_arg *argv) {
  int64_t by;
  if (!ferrite_parse_i64(FERRITE_ARG(argv[2]), &by)) return (void)FERRITE_REPLY_ERROR_LITERAL("ERR value is not an integer or out of range");
  double h = ferrite_key_find(FERRITE_ARG(argv[1]), CCOUNTER_TYPE, FERRITE_FIND_WRITE);
  if (h == FERRITE_WRONGTYPE) return (void)FERRITE_REPLY_ERROR_LITERAL(ERR_WRONGTYPE);
  if (h == FERRITE_MISSING) {
    int64_t *c = malloc(sizeof *c);
    *c = by;
    ferrite_key_set(FERRITE_ARG(argv[1]), CCOUNTER_TYPE, FERRITE_HANDLE(c), 0);
    return ferrite_reply_int(by);
  }
  int64_t *c = FERRITE_POINTER(int64_t, h), sum;
  if (__builtin_add_overflow(*c, by, &sum)) return (void)FERRITE_REPLY_ERROR_LITERAL("ERR increment or decrement would overflow");
  *c = sum; /* in place: the key already holds this value */
  ferrite_reply_int(sum);
}
