// Connection commands: PING ECHO HELLO AUTH SELECT QUIT RESET.
import { Err } from "../errors.js";
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { moduleListEntries, writeModuleEntry } from "./module.js";
import { inSubscribedMode } from "../pubsub/subscribed-mode.js";
import { resetClientControls } from "./client-controls.js";
import { REPLY_ON } from "../command/reply-mode.js";
import { endTransaction } from "../transactions/transaction.js";
import { parseLongLong } from "../protocol/resp-integer.js";
import { parseInteger } from "../command/parse-integer.js";

export const SERVER_NAME = "redis";
export const COMPAT_VERSION = "7.2.4";

/** AUTH and HELLO AUTH: the client runs as `name` from now on, or gets WRONGPASS (and the ACL log an entry). */
function authenticate(c: Client, s: Server, name: string, pass: string): boolean {
  const user = s.acl.authenticate(c, name, pass);
  if (!user) return false;
  c.user = user;
  c.authenticated = true;
  return true;
}

function hello(c: Client, s: Server): void {
  const argc = c.argc();
  let proto = c.proto;
  let i = 1;
  if (argc > 1) {
    // Redis reads any long long, then refuses all but 2 and 3: 2^63-1 is NOPROTO, 2^63 not an integer.
    const v = parseLongLong(c.argv.buf, c.argv.argOffset[1], c.argv.argOffset[1] + c.argv.argLength[1]);
    if (Number.isNaN(v)) return c.writer.error("ERR Protocol version is not an integer or out of range");
    if (v !== 2 && v !== 3) return c.writer.error("NOPROTO unsupported protocol version");
    proto = v;
    i = 2;
  }
  let name: string | null = null;
  for (; i < argc; i++) {
    const opt = c.argString(i).toLowerCase();
    if (opt === "auth" && i + 2 < argc) {
      if (!authenticate(c, s, c.argString(i + 1), c.argString(i + 2))) return c.writer.error(Err.wrongPass);
      i += 2;
    } else if (opt === "setname" && i + 1 < argc) {
      name = c.argString(++i);
      if (!validClientText(name)) return c.writer.error("ERR Client names cannot contain spaces, newlines or special characters.");
    } else {
      return c.writer.error(`ERR Syntax error in HELLO option '${c.argString(i)}'`);
    }
  }
  if (!c.authenticated)
    return c.writer.error("NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time");
  if (name !== null) c.name = name;
  c.writer.proto = proto;
  const w = c.writer;
  w.map(7);
  w.bulkString("server"); w.bulkString(SERVER_NAME);
  w.bulkString("version"); w.bulkString(COMPAT_VERSION);
  w.bulkString("proto"); w.int(proto);
  w.bulkString("id"); w.int(c.id);
  w.bulkString("mode"); w.bulkString("standalone");
  w.bulkString("role"); w.bulkString("master");
  w.bulkString("modules");
  const modules = moduleListEntries(s);
  w.array(modules.length);
  for (const m of modules) writeModuleEntry(w, m);
}

/** Client names and library attributes: printable ASCII without spaces (Redis's validateClientAttr). */
export function validClientText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 33 || ch > 126) return false;
  }
  return true;
}

export const connectionHandlers: Record<string, CoreHandler> = {
  ping(c) {
    // The table's arity (-1) admits any count, as Redis's does; the one-message limit is the handler's.
    if (c.argc() > 2) c.writer.error(Err.arity("ping"));
    else if (inSubscribedMode(c)) {
      c.writer.array(2);
      c.writer.bulkString("pong");
      if (c.argc() === 1) c.writer.bulkString("");
      else c.writer.bulk(c.argv.buf, c.argv.argOffset[1], c.argv.argLength[1]);
    } else if (c.argc() === 1) c.writer.simple("PONG");
    else c.writer.bulk(c.argv.buf, c.argv.argOffset[1], c.argv.argLength[1]);
  },
  echo(c) {
    c.writer.bulk(c.argv.buf, c.argv.argOffset[1], c.argv.argLength[1]);
  },
  hello,
  auth(c, s) {
    const argc = c.argc();
    if (argc > 3) return c.writer.error(Err.syntax);
    if (argc === 2 && s.acl.users.default.nopass)
      return c.writer.error("ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?");
    const user = argc === 3 ? c.argString(1) : "default";
    if (!authenticate(c, s, user, c.argString(argc - 1))) return c.writer.error(Err.wrongPass);
    c.writer.ok();
  },
  select(c, s) {
    const n = parseInteger(c.argString(1));
    if (n === null) return c.writer.error(Err.notInteger);
    if (n < 0 || n >= s.keyspace.databases.length) return c.writer.error(Err.dbRange);
    c.db = n;
    c.writer.ok();
  },
  quit(c) {
    c.writer.ok();
    c.closeAfterReply = true;
  },
  reset(c, s) {
    endTransaction(s, c);
    c.db = 0;
    c.name = "";
    s.pubsub.drop(c);
    c.writer.proto = 2;
    c.user = s.acl.users.default;
    c.authenticated = s.acl.newClientAuthenticated();
    resetClientControls(c, s);
    c.replyMode = REPLY_ON;
    c.writer.simple("RESET");
  },
};
