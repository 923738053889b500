/* The callbacks through which the host frees, saves, loads, copies and measures counters. */
#include <stdlib.h>
#include "counter.h"

static double create(int64_t value) {
  int64_t *c = malloc(sizeof *c);
  *c = value;
  return FERRITE_HANDLE(c);
}

void ferrite_type_free(int32_t type, double h) { free(FERRITE_POINTER(int64_t, h)); }

void ferrite_type_save(int32_t type, double h) { ferrite_save_i64(*FERRITE_POINTER(int64_t, h)); }

double ferrite_type_load(int32_t type, int32_t encver, const void *ptr, int32_t len) {
  if (encver != 1) return FERRITE_LOAD_FAILED;
  ferrite_loader l = ferrite_load_begin(ptr, len);
  int64_t value = ferrite_load_i64(&l);
  return ferrite_load_done(&l) ? create(value) : FERRITE_LOAD_FAILED;
}

double ferrite_type_copy(int32_t type, double h) { return create(*FERRITE_POINTER(int64_t, h)); }

double ferrite_type_memory(int32_t type, double h) { return sizeof(int64_t); }

int32_t ferrite_type_encoding(int32_t type, double h) { return 0; }
