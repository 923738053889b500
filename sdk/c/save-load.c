/* Typed save and load fields (ferrite-sdk.h): the same layout as sdk/assembly/save-load.ts and
 * sdk/rust/src/save_load.rs, so a type may change language without changing its encver. wasm32 is
 * little-endian, so a field is its bytes as they lie in memory. */
#include <string.h>
#include "ferrite-sdk.h"

void ferrite_save_u64(uint64_t v) { ferrite_save_write(&v, 8); }

void ferrite_save_i64(int64_t v) { ferrite_save_write(&v, 8); }

void ferrite_save_f64(double v) { ferrite_save_write(&v, 8); }

void ferrite_save_bytes(const void *ptr, int32_t len) {
  uint32_t n = (uint32_t)len;
  ferrite_save_write(&n, 4);
  ferrite_save_write(ptr, len);
}

ferrite_loader ferrite_load_begin(const void *ptr, int32_t len) {
  ferrite_loader l = {(const uint8_t *)ptr, (const uint8_t *)ptr + len, 0};
  return l;
}

/* Whether n more bytes are there; marks the load failed when not. */
static int take(ferrite_loader *l, uint32_t n) {
  if (l->failed || (uint32_t)(l->end - l->at) < n) {
    l->failed = 1;
    return 0;
  }
  return 1;
}

uint64_t ferrite_load_u64(ferrite_loader *l) {
  uint64_t v = 0;
  if (!take(l, 8)) return 0;
  memcpy(&v, l->at, 8);
  l->at += 8;
  return v;
}

int64_t ferrite_load_i64(ferrite_loader *l) { return (int64_t)ferrite_load_u64(l); }

double ferrite_load_f64(ferrite_loader *l) {
  uint64_t bits = ferrite_load_u64(l);
  double v;
  memcpy(&v, &bits, 8);
  return v;
}

const void *ferrite_load_bytes(ferrite_loader *l, int32_t *len) {
  uint32_t n = 0;
  *len = 0;
  if (!take(l, 4)) return NULL;
  memcpy(&n, l->at, 4);
  l->at += 4;
  if (!take(l, n)) return NULL;
  const void *at = l->at;
  l->at += n;
  *len = (int32_t)n;
  return at;
}

int ferrite_load_done(const ferrite_loader *l) { return !l->failed && l->at == l->end; }
