// Redis's logarithmic access-frequency counter (evict.c: LFULogIncr, LFUDecrAndReturn), so OBJECT FREQ
// and an LFU eviction policy behave as in Redis: the counter saturates at 255 and grows more slowly
// the higher it is, and loses one point per `decayMinutes` without access.

/** Counter of a new key (Redis LFU_INIT_VAL), so it is not evicted before it had a chance to be read. */
export const LFU_INIT_VAL = 5;

export function lfuLogIncr(counter: number, logFactor: number): number {
  if (counter === 255) return 255;
  const base = Math.max(0, counter - LFU_INIT_VAL);
  return Math.random() < 1 / (base * logFactor + 1) ? counter + 1 : counter;
}

/** The counter after decay for the minutes elapsed since `lastAccessMinutes`. */
export function lfuDecay(counter: number, lastAccessMinutes: number, nowMinutes: number, decayMinutes: number): number {
  if (decayMinutes <= 0) return counter;
  const periods = Math.floor(Math.max(0, nowMinutes - lastAccessMinutes) / decayMinutes);
  return periods > counter ? 0 : counter - periods;
}
