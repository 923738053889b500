// Plugins' pending timers (host API 1.7, imports/timers.ts): one per server, each timer a Node timeout
// that hands the callback to `run` (the server's, server/timer-callback.ts, which runs it as a call of
// its own). Ids count up from 1 and are never reused, so a stale id cancels nothing.
import type { Plugin } from "./plugin.js";
import type { PluginTimerService } from "./host-services.js";

/** setTimeout's longest delay (2^31 - 1 ms, ≈ 24.8 days): a longer one is waited out in steps. */
const LONGEST_TIMEOUT = 2 ** 31 - 1;

interface Pending {
  plugin: Plugin;
  handle: NodeJS.Timeout;
}

export type TimerRun = (plugin: Plugin, id: number, payload: bigint, db: number) => void;

export class PluginTimers implements PluginTimerService {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly run: TimerRun) {}

  create(plugin: Plugin, delayMs: number, payload: bigint, db: number): number {
    const id = this.nextId++;
    const t: Pending = { plugin, handle: undefined as unknown as NodeJS.Timeout };
    const arm = (remaining: number) => {
      // The server's socket keeps the process alive; a timer alone must not (a closed server exits).
      t.handle = setTimeout(() => {
        if (remaining > LONGEST_TIMEOUT) return arm(remaining - LONGEST_TIMEOUT);
        this.pending.delete(id);
        this.run(plugin, id, payload, db);
      }, Math.min(remaining, LONGEST_TIMEOUT)).unref();
    };
    arm(delayMs);
    this.pending.set(id, t);
    return id;
  }

  cancel(plugin: Plugin, id: number): boolean {
    const t = this.pending.get(id);
    if (!t || t.plugin !== plugin) return false;
    clearTimeout(t.handle);
    this.pending.delete(id);
    return true;
  }

  /** The plugin is unloaded: its timers go with it. */
  forget(plugin: Plugin): void {
    for (const [id, t] of this.pending) if (t.plugin === plugin) this.cancel(plugin, id);
  }

  /** The server closes: no callback runs after it. */
  stop(): void {
    for (const t of this.pending.values()) clearTimeout(t.handle);
    this.pending.clear();
  }
}
