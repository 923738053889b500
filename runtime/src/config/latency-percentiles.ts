// The `latency-tracking-info-percentiles` config: which percentiles INFO latencystats prints, as Redis's
// setConfigLatencyTrackingInfoPercentilesOutputOption reads them: several numbers in one value, each a
// float in [0, 100]; an empty value means none. Each is kept and shown as Redis prints it (`%f` with
// trailing zeros trimmed: 50, 99, 99.9), so CONFIG GET and the INFO field names agree with Redis's.
import { FLOAT } from "./parse-value.js";

export const DEFAULT_PERCENTILES = "50 99 99.9";

/** A percentile as Redis prints it: `%f`, then trimDoubleString (no trailing zeros, no bare dot). */
export function percentileText(p: number): string {
  return p.toFixed(6).replace(/\.?0+$/, "");
}

/** The percentiles a canonical value holds. */
export function percentilesOf(value: string): number[] {
  return value === "" ? [] : value.split(" ").map(Number);
}

/** `raw`'s canonical text, or Redis's error. */
export function parsePercentiles(raw: string): { value: string } | { error: string } {
  const words = raw.split(/\s+/).filter(Boolean);
  const percentiles: number[] = [];
  for (const word of words) {
    if (!FLOAT.test(word)) return { error: "Invalid latency-tracking-info-percentiles parameters" };
    const p = Number(word);
    if (p > 100 || p < 0) return { error: "latency-tracking-info-percentiles parameters should sit between [0.0,100.0]" };
    percentiles.push(p);
  }
  return { value: percentiles.map(percentileText).join(" ") };
}
