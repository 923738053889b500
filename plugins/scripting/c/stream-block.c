/* XREAD and XREADGROUP with BLOCK from a script: Redis refuses them in xreadCommand's option loop
 * (`c->flags & CLIENT_SCRIPT`), which the streams plugin cannot see (no host import says a command runs
 * from a script), so redis.call walks the same loop before calling. It stops, letting the command
 * answer, wherever Redis's loop would answer something else first (a bad COUNT, GROUP on XREAD, a
 * syntax error, STREAMS). Unlike Redis the command then does not run, so commandstats do not count it. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "scripting.h"

static int is(const ferrite_arg *a, const char *word) {
  size_t n = strlen(word);
  return a->len == n && strncasecmp(FERRITE_ARG_PTR(*a), word, n) == 0;
}

int stream_block_refusal(const ferrite_arg *args, int argc, char *err, size_t cap) {
  int group = is(&args[0], "xreadgroup");
  if (!group && !is(&args[0], "xread")) return 0;
  if (argc < (group ? 7 : 4)) return 0; /* the arity error comes first */
  for (int i = 1; i < argc; i++) {
    int more = argc - i - 1;
    long long count;
    if (is(&args[i], "BLOCK") && more) {
      int n = snprintf(err, cap, "-ERR %.*s command is not allowed with BLOCK option from scripts", (int)args[0].len, FERRITE_ARG_PTR(args[0]));
      return n < (int)cap ? n : (int)cap - 1;
    } else if (is(&args[i], "COUNT") && more) {
      if (parse_numkeys(&args[++i], &count)) return 0;
    } else if (is(&args[i], "GROUP") && more >= 2 && group) {
      i += 2;
    } else if (!(is(&args[i], "NOACK") && group)) {
      return 0; /* STREAMS ends the options; anything else is the command's own error */
    }
  }
  return 0;
}
