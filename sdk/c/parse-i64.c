/* Redis's string2ll (util.c), as the AssemblyScript SDK's parseI64 and the Rust SDK's parse_i64 read
 * integers: Redis's "value is not an integer" cases are exactly the ones refused here. */
#include "ferrite-sdk.h"

int ferrite_parse_i64(const char *ptr, int32_t len, int64_t *out) {
  int negative = len > 0 && ptr[0] == '-';
  const char *digits = ptr + negative;
  int32_t n = len - negative;
  if (n <= 0 || n > 19 || (digits[0] == '0' && (n > 1 || negative))) return 0;
  int64_t value = 0; /* accumulated negatively: INT64_MIN has no positive counterpart */
  for (int32_t i = 0; i < n; i++) {
    if (digits[i] < '0' || digits[i] > '9') return 0;
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_sub_overflow(value, digits[i] - '0', &value)) return 0;
  }
  if (!negative && __builtin_sub_overflow(0, value, &value)) return 0;
  *out = value;
  return 1;
}
