// OBJECT FREQ and OBJECT IDLETIME follow maxmemory-policy exactly as in Redis: FREQ only under an LFU
// policy, IDLETIME under any other, with Redis's error texts; a missing key is null first. OBJECT lives in
// the keys plugin; the policy check is the host's (key_object). Also runs against redis-server.
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";
import { POLICY_NAMES } from "../../../runtime/src/config/eviction-policy.js";

const server = useServer();
const ADJUST = "Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.";
const FREQ_ERROR = `ERR An LFU maxmemory policy is not selected, access frequency not tracked. ${ADJUST}`;
const IDLETIME_ERROR = `ERR An LFU maxmemory policy is selected, idle time not tracked. ${ADJUST}`;

for (const policy of POLICY_NAMES) {
  it(`under ${policy}`, async () => {
    const r = server.r;
    await r.config("SET", "maxmemory-policy", policy);
    await r.set("key", "a string value"); // not an integer: Redis shares those, with no access stats
    expect(await r.object("FREQ", "missing")).toBeNull();
    expect(await r.object("IDLETIME", "missing")).toBeNull();
    if (policy.endsWith("-lfu")) {
      expect(await r.object("FREQ", "key")).toBeGreaterThanOrEqual(0);
      expect(await errorOf(r.object("IDLETIME", "key"))).toBe(IDLETIME_ERROR);
    } else {
      expect(await errorOf(r.object("FREQ", "key"))).toBe(FREQ_ERROR);
      expect(await r.object("IDLETIME", "key")).toBeLessThanOrEqual(1); // just written (a loaded machine may cross a second)
    }
  });
}

it("counts accesses in OBJECT FREQ under an LFU policy", async () => {
  const r = server.r;
  await r.config("SET", "maxmemory-policy", "allkeys-lfu");
  // Every access counts, and no decay should the test cross a minute boundary.
  await r.config("SET", "lfu-log-factor", "0", "lfu-decay-time", "0");
  try {
    await r.set("fresh", "a new value");
    expect(await r.object("FREQ", "fresh")).toBe(5); // LFU_INIT_VAL: creating is not accessing
    for (let i = 0; i < 10; i++) await r.get("fresh");
    expect(await r.object("FREQ", "fresh")).toBe(15);
  } finally {
    await r.config("SET", "lfu-log-factor", "10", "lfu-decay-time", "1", "maxmemory-policy", "noeviction");
  }
});
