// The tier configs (config/definitions.ts, documented in docs/tiers.md), followed live so CONFIG SET
// applies at the next slice of demotion work. Numbers are kept parsed: every SET asks for the budget.
import { join } from "node:path";
import { tmpdir } from "node:os";
import type { Config } from "../config/config.js";
import type { TierSettings } from "./tiering.js";

/** A numeric config as a getter of its current value, parsed once per change rather than once per read. */
function followed(config: Config, name: string): () => number {
  let value = 0;
  config.follow([name], () => (value = config.int(name)));
  return () => value;
}

export function tierSettings(config: Config): TierSettings {
  return {
    hotMaxBytes: followed(config, "tier-hot-max-memory"),
    warmMaxBytes: followed(config, "tier-warm-max-memory"),
    segmentBytes: followed(config, "tier-segment-size"),
    compactGarbagePercent: followed(config, "tier-compact-garbage-percent"),
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
