// ts-compaction-policy (RedisTimeSeries's COMPACTION_POLICY): rules `agg:bucket:retention[:align]`
// separated by `;`, each duration a number and a unit (m milliseconds, s, M minutes, h, d; a bare 0
// where zero is allowed: retention and alignment). Empty fields are skipped, as strtok_r does in
// RedisTimeSeries's parse_policies.c. The rules are parsed again only when the config's change count
// moved (host API 1.9 config_string); CONFIG SET asks ferrite_config_check first, which refuses a bad
// policy with RedisTimeSeries's text and gives CONFIG GET its canonical form (CompactionRulesToString).
import { ByteBuilder, configString, configStringLen, configValue, functionOutput, log } from "ferrite-sdk";
import { AGG_NONE, aggLower, aggNamed } from "./aggregate";

export const CONFIG_COMPACTION_POLICY = 7;

/** One parsed rule: agg i32 (and 4 bytes of padding), then bucket, retention and alignment in ms. */
const RULE_BYTES: usize = 32;

/** The rules of the policy in force, parsed from the text whose change count is `parsedCount`. */
let rules: usize = 0;
let ruleCount: i32 = 0;
let parsedCount: i64 = 0;
/** Where parsePolicy writes (a refused value must not touch the rules in force). */
let scratch: usize = 0;
let scratchCap: i32 = 0;

// @ts-ignore: decorator
@inline export function policyAgg(i: i32): i32 { return load<i32>(rules + <usize>i * RULE_BYTES); }
// @ts-ignore: decorator
@inline export function policyBucket(i: i32): i64 { return load<i64>(rules + <usize>i * RULE_BYTES, 8); }
// @ts-ignore: decorator
@inline export function policyRetention(i: i32): i64 { return load<i64>(rules + <usize>i * RULE_BYTES, 16); }
// @ts-ignore: decorator
@inline export function policyAlign(i: i32): i64 { return load<i64>(rules + <usize>i * RULE_BYTES, 24); }

/** How many rules the policy in force has (read again from the config only after it changed). */
export function policyRules(): i32 {
  const count = configValue(CONFIG_COMPACTION_POLICY);
  if (count == parsedCount) return ruleCount;
  const text = configString(CONFIG_COMPACTION_POLICY);
  const n = parsePolicy(text, configStringLen);
  if (text) heap.free(text);
  // The host asked ferrite_config_check before taking the value, and ferrite_init refuses a bad one.
  ruleCount = n < 0 ? 0 : n;
  if (ruleCount > 0) {
    rules = rules ? heap.realloc(rules, <usize>ruleCount * RULE_BYTES) : heap.alloc(<usize>ruleCount * RULE_BYTES);
    memory.copy(rules, scratch, <usize>ruleCount * RULE_BYTES);
  }
  parsedCount = count;
  return ruleCount;
}

/** The policy's rules into `scratch`: their count, or -1 when the text is not a policy (all or nothing). */
export function parsePolicy(ptr: usize, len: i32): i32 {
  let n = 0;
  let at = 0;
  while (at < len) {
    let end = at;
    while (end < len && load<u8>(ptr + end) != 0x3b) end++; // ';'
    if (end > at) {
      if (!parseRule(ptr + at, end - at, n)) return -1;
      n++;
    }
    at = end + 1;
  }
  return n;
}

/** `agg:bucket:retention[:align]` into rule slot `n` of `scratch`. */
function parseRule(ptr: usize, len: i32, n: i32): bool {
  if ((n + 1) * <i32>RULE_BYTES > scratchCap) {
    scratchCap = max(scratchCap * 2, (n + 1) * <i32>RULE_BYTES);
    scratch = scratch ? heap.realloc(scratch, <usize>scratchCap) : heap.alloc(<usize>scratchCap);
  }
  const slot = scratch + <usize>n * RULE_BYTES;
  store<i64>(slot, 0, 24);
  let fields = 0;
  let at = 0;
  while (at < len) {
    let end = at;
    while (end < len && load<u8>(ptr + end) != 0x3a) end++; // ':'
    if (end > at) {
      if (fields == 0) {
        const agg = aggNamed(ptr + at, end - at, false);
        if (agg == AGG_NONE) return false;
        store<i32>(slot, agg);
      } else if (fields > 3 || !parseDuration(ptr + at, end - at, fields != 1, slot + 8 * <usize>fields)) {
        return false;
      }
      fields++;
    }
    at = end + 1;
  }
  return fields == 3 || fields == 4;
}

/** A number then one unit (m s M h d), or a bare 0 where zero is allowed, as milliseconds at `dst`. */
function parseDuration(ptr: usize, len: i32, canBeZero: bool, dst: usize): bool {
  let digits = 0;
  let n: i64 = 0;
  while (digits < len && <u32>load<u8>(ptr + digits) - 48 < 10) n = n * 10 + <i64>(load<u8>(ptr + digits++) - 48);
  if (digits == 0 || len - digits > 1) return false;
  if (n == 0) {
    store<i64>(dst, 0);
    return canBeZero;
  }
  if (digits == len) return false; // a number other than 0 needs its unit
  const unit = unitMs(load<u8>(ptr + digits));
  if (unit == 0) return false;
  store<i64>(dst, n * unit);
  return true;
}

function unitMs(c: u8): i64 {
  if (c == 0x6d) return 1; // m
  if (c == 0x73) return 1000; // s
  if (c == 0x4d) return 60 * 1000; // M
  if (c == 0x68) return 60 * 60 * 1000; // h
  if (c == 0x64) return 24 * 60 * 60 * 1000; // d
  return 0;
}

const canonical = new ByteBuilder();

/**
 * Host API 1.9: CONFIG SET ts-compaction-policy asks here first. A policy is taken in RedisTimeSeries's
 * canonical form (`avg:1M:1h`, the largest unit that divides each duration); anything else is refused
 * with its text.
 */
export function ferrite_config_check(index: i32, ptr: usize, len: i32): i32 {
  if (index != CONFIG_COMPACTION_POLICY) return 0;
  const n = parsePolicy(ptr, len);
  canonical.reset();
  if (n < 0) {
    refusal(ptr, len);
    functionOutput(canonical.ptr, canonical.len);
    return -1;
  }
  for (let i = 0; i < n; i++) {
    const slot = scratch + <usize>i * RULE_BYTES;
    if (i > 0) canonical.byte(0x3b);
    canonical.ascii(aggLower(load<i32>(slot)));
    for (let f = 1; f <= 3; f++) {
      const ms = load<i64>(slot + 8 * <usize>f);
      if (f == 3 && ms == 0) break; // no alignment
      canonical.byte(0x3a);
      durationText(ms);
    }
  }
  functionOutput(canonical.ptr, canonical.len);
  return 1;
}

/** RedisTimeSeries's text for a policy that does not parse. */
function refusal(ptr: usize, len: i32): void {
  canonical.ascii("Invalid compaction policy: ");
  canonical.bytes(ptr, len);
}

/** MillisecondsToTimeString: in days, hours, minutes (M), seconds or milliseconds (m), the first that divides. */
function durationText(ms: i64): void {
  const day: i64 = 24 * 60 * 60 * 1000;
  let unit: u32 = 0x6d;
  let n = ms;
  if (ms % day == 0) { unit = 0x64; n = ms / day; }
  else if (ms % (60 * 60 * 1000) == 0) { unit = 0x68; n = ms / (60 * 60 * 1000); }
  else if (ms % (60 * 1000) == 0) { unit = 0x4d; n = ms / (60 * 1000); }
  else if (ms % 1000 == 0) { unit = 0x73; n = ms / 1000; }
  canonical.i64(n);
  canonical.byte(unit);
}

/**
 * At load: a policy the config file, the command line or MODULE LOADEX gave that does not parse fails
 * the load, as it fails RedisTimeSeries's (CONFIG SET never gets here with one: it is checked first).
 */
export function ferrite_init(_argc: i32, _argv: usize): i32 {
  const text = configString(CONFIG_COMPACTION_POLICY);
  const len = configStringLen;
  const n = parsePolicy(text, len);
  if (n < 0) {
    canonical.reset();
    refusal(text, len);
    log(3, <i32>canonical.ptr, canonical.len);
  }
  if (text) heap.free(text);
  return n < 0 ? -1 : 0;
}
