// CLIENT: naming and describing connections, and closing them (Redis 7.2's subcommands, including
// SETINFO). Replies and error texts follow networking.c's clientCommand.
import { Err } from "../errors.js";
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { validClientText } from "./connection.js";
import { parseInteger } from "../command/parse-integer.js";
import { clientLine } from "./client-line.js";
import { replyHelp } from "./help.js";
import { clientClass } from "../config/output-buffer-limit.js";
import type { User } from "../acl/user.js";
import { REPLY_OFF, REPLY_ON, REPLY_SKIP_NEXT } from "../command/reply-mode.js";

/** Redis 7.2's CLIENT HELP, in its order. */
const HELP = [
  "CACHING (YES|NO)",
  "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
  "GETREDIR",
  "    Return the client ID we are redirecting to when tracking is enabled.",
  "GETNAME",
  "    Return the name of the current connection.",
  "ID",
  "    Return the ID of the current connection.",
  "INFO",
  "    Return information about the current client connection.",
  "KILL <ip:port>",
  "    Kill connection made from <ip:port>.",
  "KILL <option> <value> [<option> <value> [...]]",
  "    Kill connections. Options are:",
  "    * ADDR (<ip:port>|<unixsocket>:0)",
  "      Kill connections made from the specified address",
  "    * LADDR (<ip:port>|<unixsocket>:0)",
  "      Kill connections made to specified local address",
  "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
  "      Kill connections by type.",
  "    * USER <username>",
  "      Kill connections authenticated by <username>.",
  "    * SKIPME (YES|NO)",
  "      Skip killing current connection (default: yes).",
  "    * ID <client-id>",
  "      Kill connections by client id.",
  "    * MAXAGE <maxage>",
  "      Kill connections older than the specified age.",
  "LIST [options ...]",
  "    Return information about client connections. Options:",
  "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
  "      Return clients of specified type.",
  "UNPAUSE",
  "    Stop the current client pause, resuming traffic.",
  "PAUSE <timeout> [WRITE|ALL]",
  "    Suspend all, or just write, clients for <timeout> milliseconds.",
  "REPLY (ON|OFF|SKIP)",
  "    Control the replies sent to the current connection.",
  "SETNAME <name>",
  "    Assign the name <name> to the current connection.",
  "SETINFO <option> <value>",
  "    Set client meta attr. Options are:",
  "    * LIB-NAME: the client lib name.",
  "    * LIB-VER: the client lib version.",
  "UNBLOCK <clientid> [TIMEOUT|ERROR]",
  "    Unblock the specified blocked client.",
  "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
  "         [OPTIN] [OPTOUT] [NOLOOP]",
  "    Control server assisted client side caching.",
  "TRACKINGINFO",
  "    Report tracking status for the current connection.",
  "NO-EVICT (ON|OFF)",
  "    Protect current client connection from eviction.",
  "NO-TOUCH (ON|OFF)",
  "    Will not touch LRU/LFU stats when this mode is on.",
];

const CLIENT_TYPES = new Set(["normal", "master", "slave", "replica", "pubsub"]);

/** Whether a client is of a CLIENT LIST / KILL type (no master or replica connections exist yet). */
function isOfType(c: Client, type: string): boolean {
  return clientClass(c) === type;
}

function describe(clients: Iterable<Client>, caller: Client): string {
  const now = Date.now();
  let out = "";
  for (const c of clients) out += clientLine(c, caller, now) + "\n";
  return out;
}

function list(c: Client, s: Server): void {
  const argc = c.argc();
  let selected: Iterable<Client> = s.clients.values();
  if (argc === 4 && c.argString(2).toLowerCase() === "type") {
    const type = c.argString(3).toLowerCase();
    if (!CLIENT_TYPES.has(type)) return c.writer.error(`ERR Unknown client type '${c.argString(3)}'`);
    selected = [...s.clients.values()].filter((client) => isOfType(client, type));
  } else if (argc > 3 && c.argString(2).toLowerCase() === "id") {
    const chosen: Client[] = [];
    for (let i = 3; i < argc; i++) {
      const id = parseInteger(c.argString(i));
      if (id === null) return c.writer.error("ERR Invalid client ID");
      const found = s.clients.get(id);
      if (found) chosen.push(found);
    }
    selected = chosen;
  } else if (argc !== 2) {
    return c.writer.error(Err.syntax);
  }
  c.writer.verbatim(describe(selected, c));
}

interface KillFilter {
  addr?: string;
  laddr?: string;
  id?: number;
  type?: string;
  maxAgeSeconds?: number;
  user?: User;
  skipMe: boolean;
}

/** The new filter form's options; an error text when they do not parse. */
function parseKillFilter(c: Client, s: Server): KillFilter | string {
  const filter: KillFilter = { skipMe: true };
  const argc = c.argc();
  for (let i = 2; i < argc; i += 2) {
    const option = c.argString(i).toLowerCase();
    if (i + 1 >= argc) return Err.syntax;
    const value = c.argString(i + 1);
    if (option === "id") {
      const id = parseInteger(value);
      if (id === null || id < 1) return "ERR client-id should be greater than 0";
      filter.id = id;
    } else if (option === "type") {
      if (!CLIENT_TYPES.has(value.toLowerCase())) return `ERR Unknown client type '${value}'`;
      filter.type = value.toLowerCase();
    } else if (option === "addr") {
      filter.addr = value;
    } else if (option === "laddr") {
      filter.laddr = value;
    } else if (option === "user") {
      filter.user = s.acl.users.get(value);
      if (!filter.user) return `ERR No such user '${value}'`;
    } else if (option === "skipme") {
      const yesNo = value.toLowerCase();
      if (yesNo !== "yes" && yesNo !== "no") return Err.syntax;
      filter.skipMe = yesNo === "yes";
    } else if (option === "maxage") {
      const age = parseInteger(value);
      if (age === null) return "ERR maxage is not an integer or out of range";
      filter.maxAgeSeconds = age;
    } else {
      return Err.syntax;
    }
  }
  return filter;
}

function matches(target: Client, f: KillFilter, caller: Client, now: number): boolean {
  if (f.addr !== undefined && target.addr !== f.addr) return false;
  if (f.laddr !== undefined && target.laddr !== f.laddr) return false;
  if (f.type !== undefined && !isOfType(target, f.type)) return false;
  if (f.id !== undefined && target.id !== f.id) return false;
  if (f.user !== undefined && target.user !== f.user) return false;
  if (target === caller && f.skipMe) return false;
  if (f.maxAgeSeconds && (now - target.createdAt) / 1000 < f.maxAgeSeconds) return false;
  return true;
}

/** Closes the matching clients; the caller itself only after its reply, as Redis's CLOSE_AFTER_REPLY. */
function killMatching(c: Client, s: Server, filter: KillFilter): number {
  const now = Date.now();
  let killed = 0;
  for (const target of [...s.clients.values()]) {
    if (!matches(target, filter, c, now)) continue;
    killed++;
    if (target === c) {
      c.closeAfterReply = true;
    } else {
      s.kill(target);
      // Gone at once for CLIENT LIST and INFO, as in Redis, not when the socket's close event arrives.
      s.clients.delete(target.id);
    }
  }
  return killed;
}

function kill(c: Client, s: Server): void {
  if (c.argc() === 3) {
    // The old form `CLIENT KILL addr:port` may kill the caller too.
    const killed = killMatching(c, s, { addr: c.argString(2), skipMe: false });
    return killed ? c.writer.ok() : c.writer.error("ERR No such client");
  }
  const filter = parseKillFilter(c, s);
  if (typeof filter === "string") return c.writer.error(filter);
  c.writer.int(killMatching(c, s, filter));
}

/** CLIENT REPLY: only ON answers; OFF and SKIP silence their own reply too (client-reply.ts applies the mode). */
function reply(c: Client): void {
  const mode = c.argString(2).toLowerCase();
  if (mode === "on") {
    c.replyMode = REPLY_ON;
    c.writer.ok();
  } else if (mode === "off") {
    c.replyMode = REPLY_OFF;
  } else if (mode === "skip") {
    if (c.replyMode !== REPLY_OFF) c.replyMode = REPLY_SKIP_NEXT;
  } else {
    c.writer.error(Err.syntax);
  }
}

function setinfo(c: Client): void {
  const attr = c.argString(2);
  const value = c.argString(3);
  const option = attr.toLowerCase();
  if (option !== "lib-name" && option !== "lib-ver") return c.writer.error(`ERR Unrecognized option '${attr}'`);
  if (!validClientText(value)) return c.writer.error(`ERR ${attr} cannot contain spaces, newlines or special characters.`);
  if (option === "lib-name") c.libName = value;
  else c.libVer = value;
  c.writer.ok();
}

export const clientHandlers: Record<string, CoreHandler> = {
  "client|id"(c) {
    c.writer.int(c.id);
  },
  "client|getname"(c) {
    if (c.name === "") c.writer.null();
    else c.writer.bulkLatin1(c.name);
  },
  "client|setname"(c) {
    const name = c.argString(2);
    if (!validClientText(name)) return c.writer.error("ERR Client names cannot contain spaces, newlines or special characters.");
    c.name = name;
    c.writer.ok();
  },
  "client|setinfo": setinfo,
  "client|reply": reply,
  "client|list": list,
  "client|info"(c) {
    c.writer.verbatim(describe([c], c));
  },
  "client|kill": kill,
  "client|help"(c) {
    replyHelp(c, HELP);
  },
};
