// Enforcing `client-output-buffer-limit` (Redis's checkClientOutputBufferLimits): a client whose output
// not yet taken by its socket reaches the hard limit, or stays over the soft limit longer than allowed,
// is closed, so a subscriber that stops reading costs a bounded amount of memory. The bytes counted are
// those still in its reply buffer plus those libuv holds for the kernel (socket-io.ts).
import type { Config } from "../config/config.js";
import { clientClass, outputLimitsOf, type ClientClass, type OutputLimit } from "../config/output-buffer-limit.js";
import { clientLine } from "../commands/client-line.js";
import type { Client } from "./client.js";
import { log } from "../log.js";

export class OutputBufferLimits {
  private limits: Record<ClientClass, OutputLimit>;

  constructor(config: Config) {
    this.limits = outputLimitsOf(config.get("client-output-buffer-limit"));
    config.onChange("client-output-buffer-limit", (value) => {
      this.limits = outputLimitsOf(value);
    });
  }

  /** Whether `c` is over its class's limits now (and notes when it first went over the soft one). */
  exceeded(c: Client): boolean {
    const limit = this.limits[clientClass(c)];
    if (limit.hard === 0 && limit.soft === 0) return false;
    const used = c.writer.pos + c.outputPending();
    const hard = limit.hard > 0 && used >= limit.hard;
    let soft = limit.soft > 0 && used >= limit.soft;
    const now = Math.floor(Date.now() / 1000);
    if (!soft) c.softLimitReachedAt = 0;
    else if (c.softLimitReachedAt === 0) {
      c.softLimitReachedAt = now;
      soft = false;
    } else if (now - c.softLimitReachedAt <= limit.softSeconds) soft = false;
    return hard || soft;
  }
}

/** Redis's log line for a client closed over its limits. */
export function logOverLimit(c: Client): void {
  log("warning", `Client ${clientLine(c, c, Date.now())} scheduled to be closed ASAP for overcoming of output buffer limits.`);
}
