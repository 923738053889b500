// LATENCY DOCTOR's report, worded as Redis's createLatencyReport, for the events Ferrite records
// (`command`, `fast-command`, and its own `event-loop-stall`).
import type { LatencyMonitor, LatencySeries } from "../observability/latency-monitor.js";
import { STALL_EVENT } from "../observability/observability.js";

interface Analysis {
  samples: number;
  avg: number;
  mad: number;
  /** Seconds from the oldest sample to now, at least 1. */
  period: number;
}

/** Redis's analyzeLatencyForEvent: integer average and mean absolute deviation of the kept samples. */
function analyze(series: LatencySeries): Analysis {
  const samples = series.history();
  const sum = samples.reduce((n, s) => n + s.ms, 0);
  const avg = Math.floor(sum / samples.length);
  const oldest = Math.min(...samples.map((s) => s.time));
  const mad = Math.floor(samples.reduce((n, s) => n + Math.abs(avg - s.ms), 0) / samples.length);
  return { samples: samples.length, avg, mad, period: Math.floor(Date.now() / 1000) - oldest || 1 };
}

const ADVICE = {
  slowlogEnabled: (thresholdMs: number) =>
    `- There are latency issues with potentially slow commands you are using. Try to enable the Slow Log Redis feature using the command 'CONFIG SET slowlog-log-slower-than ${thresholdMs * 1000}'. If the Slow log is disabled Redis is not able to log slow commands execution for you.\n`,
  slowlogTuning: (thresholdMs: number) =>
    `- Your current Slow Log configuration only logs events that are slower than your configured latency monitor threshold. Please use 'CONFIG SET slowlog-log-slower-than ${thresholdMs * 1000}'.\n`,
  slowlogInspect:
    "- Check your Slow Log to understand what are the commands you are running which are too slow to execute. Please check https://redis.io/commands/slowlog for more information.\n",
  scheduler:
    "- The system is slow to execute Redis code paths not containing system calls. This usually means the system does not provide Redis CPU time to run for long periods. You should try to:\n" +
    "  1) Lower the system load.\n" +
    "  2) Use a computer / VM just for Redis if you are running other software in the same system.\n" +
    '  3) Check if you have a "noisy neighbour" problem.\n' +
    "  4) Check with 'redis-cli --intrinsic-latency 100' what is the intrinsic latency in your system.\n" +
    "  5) Check if the problem is allocator-related by recompiling Redis with MALLOC=libc, if you are using Jemalloc. However this may create fragmentation problems.\n",
  largeObjects:
    "- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking operation. If you have very large objects that are often deleted, expired, or evicted, try to fragment those objects into multiple smaller objects.\n",
  // Ferrite's own: the event loop stalls without a slow command when the garbage collector or a large
  // memory growth pauses the process.
  stall:
    "- The server's event loop stalled outside of slow commands. This is usually a garbage collection pause or a large memory growth (a plugin's linear memory growing, many keys loaded at once), or the machine not giving the process CPU time. Check INFO stats eventloop_max_delay_ms and the system load.\n",
};

export function latencyReport(monitor: LatencyMonitor, slowlogSlowerThanUs: number): string {
  if (monitor.events.size === 0 && monitor.thresholdMs === 0)
    return "I'm sorry, Dave, I can't do that. Latency monitoring is disabled in this Redis instance. You may use \"CONFIG SET latency-monitor-threshold <milliseconds>.\" in order to enable it. If we weren't in a deep space mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n";
  if (monitor.events.size === 0)
    return "Dave, no latency spike was observed during the lifetime of this Redis instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill, and think things over.\n";
  const threshold = monitor.thresholdMs;
  let slowlogEnabled = false, slowlogTuning = false, commands = false, scheduler = false, stall = false;
  let report = "Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n";
  let n = 0;
  for (const [event, series] of monitor.events) {
    const a = analyze(series);
    report += `${++n}. ${event}: ${a.samples} latency spikes (average ${a.avg}ms, mean deviation ${a.mad}ms, ` +
      `period ${(a.period / a.samples).toFixed(2)} sec). Worst all time event ${series.max}ms.\n`;
    if (event === "command") {
      commands = true;
      if (slowlogSlowerThanUs < 0) slowlogEnabled = true;
      else if (Math.floor(slowlogSlowerThanUs / 1000) > threshold) slowlogTuning = true;
    }
    if (event === "fast-command") scheduler = true;
    if (event === STALL_EVENT) stall = true;
  }
  // Redis's order of advice, whatever the order of the events.
  report += "\nI have a few advices for you:\n\n";
  if (slowlogEnabled) report += ADVICE.slowlogEnabled(threshold);
  if (slowlogTuning) report += ADVICE.slowlogTuning(threshold);
  if (commands) report += ADVICE.slowlogInspect;
  if (scheduler) report += ADVICE.scheduler;
  if (commands) report += ADVICE.largeObjects;
  if (stall) report += ADVICE.stall;
  return report;
}
