// CLIENT TRACKING / CACHING / GETREDIR / TRACKINGINFO: server-assisted client-side caching
// (tracking/tracking.ts), with networking.c's parsing, replies and error texts.
import { Err } from "../errors.js";
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { parseInteger } from "../command/parse-integer.js";
import { prefixCollision } from "../tracking/prefixes.js";
import type { TrackingOptions } from "../tracking/tracking.js";

/** The options after ON|OFF, or an error text (checked whether the client turns tracking on or off, as Redis does). */
function parseOptions(c: Client, s: Server): { redirect: number; opts: TrackingOptions; prefixes: string[] } | string {
  const opts: TrackingOptions = { bcast: false, optin: false, optout: false, noloop: false };
  const prefixes: string[] = [];
  let redirect = 0;
  const argc = c.argc();
  for (let j = 3; j < argc; j++) {
    const option = c.argString(j).toLowerCase();
    const more = j + 1 < argc;
    if (option === "redirect" && more) {
      j++;
      if (redirect !== 0) return "ERR A client can only redirect to a single other client";
      const id = parseInteger(c.argString(j));
      if (id === null) return Err.notInteger;
      // The client must exist now, even if it may go away later (a sanity check, as in Redis).
      if (!s.clients.has(id)) return "ERR The client ID you want redirect to does not exist";
      redirect = id;
    } else if (option === "bcast") opts.bcast = true;
    else if (option === "optin") opts.optin = true;
    else if (option === "optout") opts.optout = true;
    else if (option === "noloop") opts.noloop = true;
    else if (option === "prefix" && more) prefixes.push(c.argString(++j));
    else return Err.syntax;
  }
  return { redirect, opts, prefixes };
}

/** Why tracking cannot be turned on with these options, given the client's current mode; null when it can. */
function enableRefusal(c: Client, opts: TrackingOptions, prefixes: string[]): string | null {
  const t = c.tracking;
  if (!opts.bcast && prefixes.length) return "ERR PREFIX option requires BCAST mode to be enabled";
  if (t !== null && t.bcast !== opts.bcast)
    return "ERR You can't switch BCAST mode on/off before disabling tracking for this client, and then re-enabling it with a different mode.";
  if (opts.bcast && (opts.optin || opts.optout)) return "ERR OPTIN and OPTOUT are not compatible with BCAST";
  if (opts.optin && opts.optout) return "ERR You can't use both OPTIN and OPTOUT";
  if (t !== null && ((opts.optin && t.optout) || (opts.optout && t.optin)))
    return "ERR You can't switch OPTIN/OPTOUT mode before disabling tracking for this client, and then re-enabling it with a different mode.";
  if (opts.bcast) return prefixCollision(t?.prefixes ?? new Set(), prefixes);
  return null;
}

function tracking(c: Client, s: Server): void {
  const parsed = parseOptions(c, s);
  if (typeof parsed === "string") return c.writer.error(parsed);
  const mode = c.argString(2).toLowerCase();
  if (mode === "on") {
    const refusal = enableRefusal(c, parsed.opts, parsed.prefixes);
    if (refusal !== null) return c.writer.error(refusal);
    s.tracking.enable(c, parsed.redirect, parsed.opts, parsed.prefixes);
  } else if (mode === "off") {
    s.tracking.disable(c);
  } else {
    return c.writer.error(Err.syntax);
  }
  c.writer.ok();
}

function caching(c: Client): void {
  const t = c.tracking;
  if (t === null) return c.writer.error("ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or OPTOUT mode enabled");
  const yesNo = c.argString(2).toLowerCase();
  if (yesNo === "yes") {
    if (!t.optin) return c.writer.error("ERR CLIENT CACHING YES is only valid when tracking is enabled in OPTIN mode.");
  } else if (yesNo === "no") {
    if (!t.optout) return c.writer.error("ERR CLIENT CACHING NO is only valid when tracking is enabled in OPTOUT mode.");
  } else {
    return c.writer.error(Err.syntax);
  }
  t.caching = true;
  c.writer.ok();
}

/** addReplyTrackingInfo: flags (a set), redirect, prefixes (in Redis's sorted order). */
function trackingInfo(c: Client): void {
  const t = c.tracking;
  const w = c.writer;
  w.map(3);
  w.bulkString("flags");
  const flags = t === null ? ["off"] : t.flags();
  w.set(flags.length);
  for (const f of flags) w.bulkString(f);
  w.bulkString("redirect");
  w.int(t === null ? -1 : t.redirect);
  w.bulkString("prefixes");
  const prefixes = t === null ? [] : [...t.prefixes].sort();
  w.array(prefixes.length);
  for (const p of prefixes) w.bulkLatin1(p);
}

export const clientTrackingHandlers: Record<string, CoreHandler> = {
  "client|tracking": tracking,
  "client|caching": caching,
  "client|getredir"(c) {
    c.writer.int(c.tracking === null ? -1 : c.tracking.redirect);
  },
  "client|trackinginfo": trackingInfo,
};
