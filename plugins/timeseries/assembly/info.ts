// INFO's `# timeseries_stats` section (host API 1.6, ADR 0032). RedisTimeSeries registers no INFO
// fields of its own, so this is a small set of our own that stays exact at no cost to the commands:
// the series this instance holds, every database together (series.ts counts them as they come and go).
// (Not the label index's size: FLUSHDB raises no event it follows, so it may hold stale entries.)
import { infoFieldInt, infoSection } from "ferrite-sdk";
import { liveSeries } from "./series";

export function ferrite_info(): void {
  infoSection("stats");
  infoFieldInt("series", liveSeries);
}
