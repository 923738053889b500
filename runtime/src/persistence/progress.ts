// The loading progress line: at most one a second, so a large file shows it is moving without
// flooding the log.
import { log } from "../log.js";

export class ProgressLog {
  private next = Date.now() + 1000;

  constructor(private readonly what: string) {}

  at(done: number, total: number): void {
    const now = Date.now();
    if (now < this.next) return;
    this.next = now + 1000;
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    log("notice", `Loading ${this.what}: ${pct}% (${(done / 1048576).toFixed(1)} of ${(total / 1048576).toFixed(1)} MB)`);
  }
}
