// INFO errorstats: error replies counted by their code (the first word, e.g. ERR, WRONGTYPE), as Redis's
// afterErrorReply/incrementErrorCount do. Fed by ReplyWriter.error, so every error any client receives
// counts, whoever produced it (the host, a core command or a plugin). One per server.
import type { ErrorCounter } from "../protocol/reply-writer.js";

/** Redis's ERROR_STATS_NUMBER: past this many distinct codes, tracking by code stops until RESETSTAT. */
const MAX_CODES = 128;
const DISABLED = "ERRORSTATS_DISABLED";
/** Redis looks for the code's end within the first 32 bytes of "-CODE ...". */
const CODE_SCAN = 31;

export class ErrorStats implements ErrorCounter {
  readonly byCode = new Map<string, number>();
  /** Every error reply, for INFO's total_error_replies (reset with the other stats by CONFIG RESETSTAT). */
  total = 0;
  private enabled = true;

  record(text: string): void {
    this.total++;
    if (!this.enabled) return;
    const space = text.indexOf(" ");
    const code = space > 0 && space < CODE_SCAN ? text.slice(0, space) : "ERR";
    const seen = this.byCode.get(code);
    if (seen !== undefined) {
      this.byCode.set(code, seen + 1);
      return;
    }
    if (this.byCode.size >= MAX_CODES) {
      this.byCode.clear();
      this.byCode.set(DISABLED, 1);
      this.enabled = false;
      return;
    }
    this.byCode.set(code, 1);
  }

  reset(): void {
    this.total = 0;
    this.byCode.clear();
    this.enabled = true;
  }

  lines(): string[] {
    return [...this.byCode].map(([code, count]) => `errorstat_${code}:count=${count}`);
  }
}
