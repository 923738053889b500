// What the server records about the commands it runs: per-command time (INFO commandstats), the slow
// log, the latency monitor, the MONITOR feed and the instantaneous rates; `commandDone` is the one call
// the dispatcher makes after each command. Kept cheap: one clock read and a few comparisons when
// nothing is being logged.
import { CommandClock } from "./command-clock.js";
import type { Command, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import type { CommandArgs } from "../protocol/arg-list.js";
import { ErrorStats } from "./error-stats.js";
import { InstantaneousMetric } from "./instantaneous.js";
import { LatencyMonitor } from "./latency-monitor.js";
import { LatencyHistogram } from "../command/latency-histogram.js";
import { percentileText, percentilesOf } from "../config/latency-percentiles.js";
import { MonitorFeed } from "./monitor-feed.js";
import { Slowlog } from "./slowlog.js";

/** Redis samples its instantaneous metrics every 100 ms (serverCron's run_with_period(100)). */
const SAMPLE_MS = 100;
/** The event-loop stall event is sampled once a second, like LATENCY's own resolution. */
const STALL_EVERY = 10;
export const STALL_EVENT = "event-loop-stall";

export class Observability {
  readonly slowlog = new Slowlog();
  readonly latency = new LatencyMonitor();
  readonly monitor = new MonitorFeed();
  readonly opsPerSec = new InstantaneousMetric();
  readonly inputPerSec = new InstantaneousMetric();
  readonly outputPerSec = new InstantaneousMetric();
  /** Every error reply this server's clients (and its plugins' inner calls) received: INFO errorstats. */
  readonly errors = new ErrorStats();
  /** What times each command: dispatch starts it, commandDone ends it. */
  readonly clock = new CommandClock();
  /** `latency-tracking`: each command's calls go into its latency histogram (LATENCY HISTOGRAM, INFO latencystats). */
  latencyTracking = true;
  /** `latency-tracking-info-percentiles`: the percentiles INFO latencystats prints, and their names there. */
  percentiles: number[] = [];
  percentileNames: string[] = [];
  private ticks = 0;
  private readonly sampler: NodeJS.Timeout;

  constructor(private readonly server: Server) {
    const config = server.config;
    config.follow(["slowlog-log-slower-than", "slowlog-max-len", "latency-monitor-threshold"], () => {
      this.slowlog.slowerThanUs = config.int("slowlog-log-slower-than");
      this.slowlog.maxLen = config.int("slowlog-max-len");
      this.slowlog.trim();
      this.latency.thresholdMs = config.int("latency-monitor-threshold");
    });
    config.follow(["latency-tracking"], () => (this.latencyTracking = config.bool("latency-tracking")));
    config.follow(["latency-tracking-info-percentiles"], () => {
      this.percentiles = percentilesOf(config.get("latency-tracking-info-percentiles"));
      this.percentileNames = this.percentiles.map(percentileText);
    });
    this.sampler = setInterval(() => this.sample(), SAMPLE_MS);
    this.sampler.unref();
  }

  /** The server closes (Server.close): sampling stops. */
  stop(): void {
    clearInterval(this.sampler);
    this.server.stats.eventLoop.stop();
  }

  /**
   * After a command ran: its call, time and whether it failed (counted after the run, as Redis's call()
   * does, so CONFIG RESETSTAT counts itself), then the slow log, latency monitor and MONITOR.
   */
  commandDone(c: Client, cmd: Command, depth: number, errorsBefore: number): void {
    this.clock.end(depth);
    const us = this.clock.us[0]!;
    this.countCall(cmd, us, this.errors.total !== errorsBefore);
    if (cmd.plugin) cmd.plugin.usec += us;
    if (us >= this.slowlog.slowerThanUs && !cmd.flags.has("skip_slowlog")) this.slowlog.consider(c, us, cmd);
    if (this.latency.thresholdMs !== 0) this.latency.addIfNeeded(cmd.flags.has("fast") ? "fast-command" : "command", Math.floor(us / 1000));
    if (this.monitor.clients.size !== 0 && cmd.script === null) this.monitor.feed(c, cmd); // a script's went before it ran
  }

  /**
   * After a command ran and blocked its client: MONITOR sees it now, but its call, time and slow log
   * entry wait for its answer (commandAnswered), as Redis's updateStatsOnUnblock. Returns its run time.
   */
  commandBlocked(c: Client, cmd: Command, depth: number): number {
    this.clock.end(depth);
    if (this.monitor.clients.size !== 0) this.monitor.feed(c, cmd);
    return this.clock.us[0]!;
  }

  /**
   * A blocked command answered (served, timed out, CLIENT UNBLOCK): one call taking `us` (all its runs),
   * failed when it answered an error, logged with its own arguments if slow.
   */
  commandAnswered(c: Client, cmd: Command, us: number, failed: boolean, args: CommandArgs): void {
    this.countCall(cmd, us, failed);
    if (cmd.plugin) cmd.plugin.usec += us;
    if (us >= this.slowlog.slowerThanUs && !cmd.flags.has("skip_slowlog")) this.slowlog.consider(c, us, cmd, args);
  }

  /** One call of `cmd` in commandstats (calls, usec, failed_calls) and the server's command total: a client's, or a script's redis.call. */
  countCall(cmd: Command, us: number, failed: boolean): void {
    this.server.stats.commands++;
    cmd.calls++;
    cmd.usec += us;
    if (failed) cmd.failedCalls++;
    if (this.latencyTracking) (cmd.histogram ??= new LatencyHistogram()).record(us);
  }

  private sample(): void {
    const now = performance.now();
    const st = this.server.stats;
    this.opsPerSec.sample(st.commands, now);
    this.inputPerSec.sample(st.netInput, now);
    this.outputPerSec.sample(st.netOutput, now);
    if (++this.ticks % STALL_EVERY === 0) this.latency.addIfNeeded(STALL_EVENT, Math.floor(st.eventLoop.takeWindowMaxMs()));
  }

  /** CONFIG RESETSTAT: what Redis's resetServerStats clears (not the slow log nor the latency events). */
  resetStats(): void {
    this.errors.reset();
    this.server.keyspace.stats.reset();
    this.opsPerSec.reset();
    this.inputPerSec.reset();
    this.outputPerSec.reset();
    for (const p of this.server.plugins.all()) p.usec = 0;
  }
}
