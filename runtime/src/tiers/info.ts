// INFO's `# Tiers` section: keys and bytes per tier, traffic between tiers and how often each tier
// served a value lookup (page reads of demoted values counted apart: they promote nothing).
import type { Tiering } from "./tiering.js";
import { COLD, WARM } from "./segments.js";

export function tierInfoLines(tiers: Tiering, totalKeys: number): string[] {
  const keys = [0, 0, 0];
  const bytes = [tiers.hotBytes, 0, 0];
  let fileBytes = 0;
  let garbage = 0;
  const segments = tiers.files.all();
  for (const seg of segments) {
    keys[seg.tier] += seg.liveRecords;
    bytes[seg.tier] += seg.live;
    fileBytes += seg.used;
    garbage += seg.garbage;
  }
  keys[0] = totalKeys - keys[WARM] - keys[COLD];
  const lookups = tiers.hits[0] + tiers.hits[WARM] + tiers.hits[COLD];
  const ratio = (n: number) => (lookups === 0 ? "0.0000" : (n / lookups).toFixed(4));
  const s = tiers.settings;
  return [
    `tier_hot_max_memory:${s.hotMaxBytes()}`,
    `tier_warm_max_memory:${s.warmMaxBytes()}`,
    `tier_hot_keys:${keys[0]}`,
    `tier_hot_bytes:${bytes[0]}`,
    `tier_warm_keys:${keys[WARM]}`,
    `tier_warm_bytes:${bytes[WARM]}`,
    `tier_cold_keys:${keys[COLD]}`,
    `tier_cold_bytes:${bytes[COLD]}`,
    `tier_segments:${segments.length}`,
    `tier_segment_bytes:${fileBytes}`,
    `tier_garbage_bytes:${garbage}`,
    `tier_demotions:${tiers.demotions}`,
    `tier_promotions:${tiers.promotions}`,
    `tier_hot_hits:${tiers.hits[0]}`,
    `tier_warm_hits:${tiers.hits[WARM]}`,
    `tier_cold_hits:${tiers.hits[COLD]}`,
    `tier_hot_hit_ratio:${ratio(tiers.hits[0])}`,
    `tier_warm_hit_ratio:${ratio(tiers.hits[WARM])}`,
    `tier_cold_hit_ratio:${ratio(tiers.hits[COLD])}`,
    `tier_page_reads:${tiers.pageReads}`,
    `tier_compactions:${tiers.compactor.compactions}`,
    `tier_compacted_bytes:${tiers.compactor.reclaimedBytes}`,
  ];
}
