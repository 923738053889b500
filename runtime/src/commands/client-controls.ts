// CLIENT PAUSE / UNPAUSE / UNBLOCK / NO-EVICT / NO-TOUCH: the connection controls of Redis 7.2's CLIENT,
// with networking.c's replies and error texts.
import { Err } from "../errors.js";
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { PauseMode } from "../command/pause-mode.js";
import { parseInteger } from "../command/parse-integer.js";
import { stopMonitoring } from "./monitor.js";
import { subcommandSyntaxError } from "./help.js";

/** on → true, off → false, anything else null (a syntax error). */
function onOff(c: Client): boolean | null {
  const v = c.argString(2).toLowerCase();
  return v === "on" ? true : v === "off" ? false : null;
}

/** RESET ends MONITOR and CLIENT TRACKING and turns NO-EVICT and NO-TOUCH off, as Redis's clearClientConnectionState. */
export function resetClientControls(c: Client, s: Server): void {
  stopMonitoring(c, s);
  s.tracking.disable(c);
  c.noEvict = c.noTouch = false;
}

export const clientControlHandlers: Record<string, CoreHandler> = {
  "client|pause"(c, s) {
    if (c.argc() > 4) return subcommandSyntaxError(c);
    const ms = parseInteger(c.argString(2));
    if (ms === null) return c.writer.error("ERR timeout is not an integer or out of range");
    if (ms < 0) return c.writer.error("ERR timeout is negative");
    let mode = PauseMode.All;
    if (c.argc() === 4) {
      const word = c.argString(3).toLowerCase();
      if (word === "write") mode = PauseMode.Write;
      else if (word !== "all") return c.writer.error("ERR CLIENT PAUSE mode must be WRITE or ALL");
    }
    s.pause.pause(ms, mode);
    c.writer.ok();
  },
  "client|unpause"(c, s) {
    s.pause.unpause();
    c.writer.ok();
  },
  /** CLIENT UNBLOCK id [TIMEOUT|ERROR]: a client blocked on keys answers as on its timeout, or an UNBLOCKED error. */
  "client|unblock"(c, s) {
    let error: string | null = null;
    if (c.argc() === 4) {
      const reason = c.argString(3).toLowerCase();
      if (reason === "error") error = "UNBLOCKED client unblocked via CLIENT UNBLOCK";
      else if (reason !== "timeout") return c.writer.error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
    } else if (c.argc() > 4) {
      return subcommandSyntaxError(c);
    }
    const id = parseInteger(c.argString(2));
    if (id === null) return c.writer.error(Err.notInteger);
    const target = s.clients.get(id);
    c.writer.int(target !== undefined && s.unblock(target, error) ? 1 : 0);
  },
  "client|no-evict"(c) {
    const on = onOff(c);
    if (on === null) return c.writer.error(Err.syntax);
    c.noEvict = on;
    c.writer.ok();
  },
  "client|no-touch"(c) {
    const on = onOff(c);
    if (on === null) return c.writer.error(Err.syntax);
    c.noTouch = on;
    c.writer.ok();
  },
};
