// Shared pieces of the XINFO replies: field names as bulk strings, and the per-group fields.
import { replyBulk, replyInt, replyNull } from "ferrite-sdk";
import { Group } from "./group";
import { replyId } from "./id";
import { groupLag } from "./lag";
import { Stream } from "./stream";

const TEXT = memory.data(64);

/** A field name (an ASCII literal) as a bulk string. */
export function replyText(text: string): void {
  for (let i = 0; i < text.length; i++) store<u8>(TEXT + i, <u8>text.charCodeAt(i));
  replyBulk(TEXT, text.length);
}

export function replyIntField(name: string, v: i64): void { replyText(name); replyInt(v); }
export function replyIdField(name: string, ms: u64, seq: u64): void { replyText(name); replyId(ms, seq); }

export function replyNameField(ptr: usize, len: i32): void { replyText("name"); replyBulk(ptr, len); }

/** The group's last-delivered-id, entries-read and lag fields (3 pairs). */
export function replyGroupProgress(s: Stream, g: Group): void {
  replyIdField("last-delivered-id", g.lastMs, g.lastSeq);
  replyText("entries-read");
  if (g.entriesRead >= 0) replyInt(g.entriesRead); else replyNull();
  replyText("lag");
  const lag = groupLag(s, g);
  if (lag >= 0) replyInt(lag); else replyNull();
}
