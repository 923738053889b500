// Bounding the work one event-loop turn spends on clients' input. libuv hands the server every readable
// socket in one poll phase, and under a pipelined load from many clients that is hundreds of commands in
// one turn, during which nothing else runs — timers, serverCron, blocked-command timeouts (measured: turns
// of 6–10 ms with 50 clients × 16 pipelined GET/SET over 1 M keys). Past the budget, a client's input
// (already in its parser) waits for the next turn, where waiting clients go first, in arrival order: the
// same work is done, in slices that let the rest of the server in between.
import type { Client } from "./client.js";

export class TurnBudget {
  /** Date.now() at this turn's first run, -1 between turns. */
  private turnStart = -1;
  /** Clients whose input waits, in arrival order. */
  private readonly waiting = new Set<Client>();
  private drainScheduled = false;

  /** `run(client, now)` processes a client's buffered input. */
  constructor(private readonly budgetMs: number, private readonly run: (client: Client, now: number) => void) {}

  /** `client` has new input at `now` (Date.now()): run it now, or let it wait when this turn's budget is spent. */
  input(client: Client, now: number): void {
    if (this.waiting.size > 0 || (this.turnStart >= 0 && now - this.turnStart >= this.budgetMs)) {
      this.waiting.add(client);
      this.scheduleDrain();
      return;
    }
    if (this.turnStart < 0) this.begin(now);
    this.run(client, now);
  }

  private begin(now: number): void {
    this.turnStart = now;
    // The check phase ends the turn: it runs after every socket the poll phase had ready.
    setImmediate(this.end);
  }

  private readonly end = (): void => {
    this.turnStart = -1;
  };

  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    // An immediate set now would run in this turn's check phase, right after the poll phase; one set
    // from there runs in the next turn's, after its timers. (A 0 ms timer would wait at least 1 ms.)
    setImmediate(this.hop);
  }

  private readonly hop = (): void => {
    setImmediate(this.drain);
  };

  /**
   * In a later turn's check phase: the waiting clients, oldest first, while what is left of this turn's
   * budget lasts (the poll phase may have spent some), at least one.
   */
  private readonly drain = (): void => {
    this.drainScheduled = false;
    let now = Date.now();
    const start = this.turnStart >= 0 ? this.turnStart : now;
    for (const client of this.waiting) {
      this.waiting.delete(client);
      if (!client.socket.destroyed) this.run(client, now);
      now = Date.now();
      if (now - start >= this.budgetMs) break;
    }
    if (this.waiting.size > 0) {
      // Set in a check phase, an immediate runs in the next turn's, after its timers and I/O.
      this.drainScheduled = true;
      setImmediate(this.drain);
    }
  };
}
