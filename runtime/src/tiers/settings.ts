// The tier configs (config/definitions.ts, documented in docs/tiers.md), read live so CONFIG SET applies
// at the next slice of demotion work.
import { join } from "node:path";
import { tmpdir } from "node:os";
import type { Config } from "../config/config.js";
import type { TierSettings } from "./tiering.js";

export function tierSettings(config: Config): TierSettings {
  return {
    hotMaxBytes: () => config.int("tier-hot-max-memory"),
    warmMaxBytes: () => config.int("tier-warm-max-memory"),
    segmentBytes: () => config.int("tier-segment-size"),
    compactGarbagePercent: () => config.int("tier-compact-garbage-percent"),
    dir: () => join(config.get("dir"), "tiers"),
  };
}

/** A keyspace made without a server (unit tests): no hot budget, so nothing is ever demoted. */
export const UNBOUNDED_TIERS: TierSettings = {
  hotMaxBytes: () => 0,
  warmMaxBytes: () => 1 << 30,
  segmentBytes: () => 64 << 20,
  compactGarbagePercent: () => 50,
  dir: () => join(tmpdir(), "ferrite-tiers"),
};
