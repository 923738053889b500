// One client as CLIENT LIST / CLIENT INFO describe it: Redis 7.2's field order, with the values we can
// measure: the parser's buffer for qbuf (the running batch's commands included, as in Redis), the reply
// buffer and its recent peak for rbs and rbp, Node's socket queue for omem. `fd` is -1: Node does not
// expose descriptors.
import type { CommandClient as Client } from "../command/command-table.js";

/** Redis's argv-mem: the arguments of the command being executed, so only the caller has any. */
function argvBytes(c: Client, caller: Client): number {
  if (c !== caller) return 0;
  let n = 0;
  for (let i = 0; i < c.argv.argc; i++) n += c.argv.argLength[i];
  return n;
}

/** Redis's multi-mem: the queued commands' arguments, and the watched keys. */
function multiBytes(c: Client): number {
  let n = c.multi?.bytes ?? 0;
  for (const wk of c.watched) n += wk.key.length + 48;
  return n;
}

/**
 * Redis's flag letters, in its order (O monitor, P pub/sub, x MULTI, b blocked or paused, t tracking, R its
 * redirect gone, B BCAST, d a WATCHed key changed, e no-evict, T no-touch; N none).
 */
function clientFlags(c: Client): string {
  const t = c.tracking;
  const flags = (c.monitoring ? "O" : "") + (c.pubsub ? "P" : "") + (c.multi ? "x" : "") + (c.blocked || c.postponed ? "b" : "") +
    (t ? "t" : "") + (t?.brokenRedirect ? "R" : "") + (t?.bcast ? "B" : "") +
    (c.dirtyCas ? "d" : "") + (c.noEvict ? "e" : "") + (c.noTouch ? "T" : "");
  return flags || "N";
}

export function clientLine(c: Client, caller: Client, now: number): string {
  const qbuf = c.parser.heldBytes();
  const qbufSize = c.parser.buf.length;
  const rbs = c.writer.buf.length;
  const omem = c.outputPending();
  const argvMem = argvBytes(c, caller);
  const multiMem = multiBytes(c);
  return (
    `id=${c.id} addr=${c.addr} laddr=${c.laddr} fd=-1 name=${c.name}` +
    ` age=${Math.floor((now - c.createdAt) / 1000)} idle=${Math.floor((now - c.lastInteraction) / 1000)}` +
    ` flags=${clientFlags(c)} db=${c.db} sub=${c.pubsub?.channels.size ?? 0} psub=${c.pubsub?.patterns.size ?? 0}` +
    ` ssub=${c.pubsub?.shardChannels.size ?? 0} multi=${c.multi ? c.multi.commands.length : -1} qbuf=${qbuf} qbuf-free=${qbufSize - qbuf} argv-mem=${argvMem}` +
    ` multi-mem=${multiMem} rbs=${rbs} rbp=${c.replyPeak} obl=${c.writer.pos} oll=0 omem=${omem}` +
    ` tot-mem=${qbufSize + rbs + omem + argvMem + multiMem} events=${omem > 0 ? "rw" : "r"} cmd=${c.lastCommand}` +
    ` user=${c.user.name} redir=${c.tracking?.redirect ?? -1} resp=${c.proto} lib-name=${c.libName} lib-ver=${c.libVer}`
  );
}
