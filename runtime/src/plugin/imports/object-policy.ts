// OBJECT FREQ and OBJECT IDLETIME answer only what the maxmemory policy tracks, as in Redis (which keeps
// either the LFU counter or the LRU clock in one field): FREQ needs an LFU policy, IDLETIME any other.
// Ferrite keeps the LRU clock always and moves the LFU counter also while tier demotion needs it
// (Keyspace.touch), but answers as Redis does so that clients see the same replies.

const SWITCHING = "Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.";
export const FREQ_UNTRACKED = `ERR An LFU maxmemory policy is not selected, access frequency not tracked. ${SWITCHING}`;
export const IDLETIME_UNTRACKED = `ERR An LFU maxmemory policy is selected, idle time not tracked. ${SWITCHING}`;

export const OBJECT_FREQ = 1;
export const OBJECT_IDLETIME = 2;

/** Redis's error for key_object `field` (`lfu`: the maxmemory policy is an LFU one), or null when the field is tracked. */
export function untrackedObjectField(lfu: boolean, field: number): string | null {
  if (field === OBJECT_FREQ && !lfu) return FREQ_UNTRACKED;
  if (field === OBJECT_IDLETIME && lfu) return IDLETIME_UNTRACKED;
  return null;
}
