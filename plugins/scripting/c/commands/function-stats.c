/* FUNCTION STATS: the running script (name, command, duration), then the one engine's counts. While a
 * script is busy this runs re-entrantly inside it (ADR 0038): it reads what the count hook saved, never
 * the engine. */
#include <string.h>
#include "../scripting.h"

#define BULK(s) ferrite_reply_bulk((s), sizeof(s) - 1)

static void reply_running(const struct script_run *run) {
  ferrite_reply_map(3);
  BULK("name");
  ferrite_reply_bulk(run->sha, (int32_t)strlen(run->sha));
  BULK("command");
  int32_t argc = run->saved_argv ? run->argc : 0;
  ferrite_reply_array(argc);
  for (int32_t j = 0; j < argc; j++) ferrite_reply_bulk(FERRITE_ARG_PTR(run->saved_argv[j]), (int32_t)run->saved_argv[j].len);
  BULK("duration_ms");
  ferrite_reply_int((int64_t)((ferrite_time_us() - (double)run->started_us) / 1000));
}

void cmd_function_stats(int32_t argc, const ferrite_arg *argv) {
  const struct script_run *run = running;
  ferrite_reply_map(2);
  BULK("running_script");
  if (run) reply_running(run);
  else ferrite_reply_null();
  BULK("engines");
  ferrite_reply_map(1);
  BULK("LUA");
  ferrite_reply_map(2);
  BULK("libraries_count");
  ferrite_reply_int(run ? run->libraries_count : registry_count(functions_engine(), "__libs"));
  BULK("functions_count");
  ferrite_reply_int(run ? run->functions_count : registry_count(functions_engine(), "__funcs"));
}
