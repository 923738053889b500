// CLIENT PAUSE / UNPAUSE: while paused, a client's command (every command in ALL mode; in WRITE mode
// those flagged `write` or `may_replicate`, read from the manifest or the core spec, and an EXEC that
// queued one) waits unexecuted
// in its parser, and the client reads nothing further, until the pause ends. Redis's
// blockPostponeClient: postponed clients count as blocked and show flag `b`. Pausing again keeps the
// later end and the stricter mode, as Redis's pauseClients does.
import type { Client } from "./client.js";
import type { Command } from "../command/command-table.js";
import { PauseMode } from "../command/pause-mode.js";
import { mayReplicate as commandMayReplicate } from "../command/call-flags.js";

/** Node's timers stop at 2^31-1 ms; a longer pause re-arms until its end. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class ClientPause {
  mode = PauseMode.None;
  private endsAt = 0;
  private timer: NodeJS.Timeout | null = null;
  readonly held = new Set<Client>();

  /**
   * `resume` runs a released client's waiting commands; `holdExpiry` is told when expiry stops and
   * starts again (Redis pauses it under both modes: PAUSE_ACTION_EXPIRE), so keys stay as they were.
   */
  constructor(private readonly resume: (c: Client) => void, private readonly holdExpiry: (held: boolean) => void) {}

  pause(ms: number, mode: PauseMode): void {
    if (mode > this.mode) this.mode = mode;
    this.holdExpiry(true);
    this.endsAt = Math.max(this.endsAt, Date.now() + ms);
    this.arm();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    const left = this.endsAt - Date.now();
    this.timer = setTimeout(() => (Date.now() >= this.endsAt ? this.unpause() : this.arm()), Math.min(Math.max(left, 0), MAX_TIMER_MS));
  }

  /** Held clients still connected (INFO's blocked_clients counts them, as Redis does). */
  get heldCount(): number {
    let n = 0;
    for (const c of this.held) if (!c.socket.destroyed) n++;
    return n;
  }

  unpause(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.mode = PauseMode.None;
    this.endsAt = 0;
    this.holdExpiry(false);
    const released = [...this.held];
    this.held.clear();
    for (const c of released) {
      c.postponed = false;
      if (!c.socket.destroyed) this.resume(c);
    }
  }

  /** True when `cmd` must wait: the command goes back into the client's parser for later. */
  holds(c: Client, cmd: Command): boolean {
    if (this.mode === PauseMode.None) return false;
    if (this.mode === PauseMode.Write && !mayReplicate(c, cmd)) return false;
    c.parser.unread();
    c.postponed = true;
    this.held.add(c);
    return true;
  }
}

/** Redis's is_may_replicate_command: the command writes or may replicate, or is an EXEC queuing one. */
function mayReplicate(c: Client, cmd: Command): boolean {
  if (commandMayReplicate(cmd, c.argv)) return true;
  return cmd.spec.name === "exec" && c.multi !== null && c.multi.mayReplicate;
}
