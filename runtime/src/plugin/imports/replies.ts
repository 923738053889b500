// The reply imports: a plugin command writes its reply straight into the calling client's reply buffer
// (ctx.writer), each item counted (ctx.replies) so the host can check the reply is whole (reply-check.ts).
import type { HostImports } from "../abi.generated.js";
import type { CallContext } from "../call-context.js";
import type { Plugin } from "../plugin.js";

export function replyImports(p: Plugin, ctx: CallContext): Pick<HostImports, "reply_simple" | "reply_ok" | "reply_error" | "reply_int" | "reply_small_int" | "reply_bulk" | "reply_null" | "reply_null_array" | "reply_array" | "reply_map" | "reply_set" | "reply_double" | "reply_double_text" | "reply_bool" | "reply_big_number" | "reply_verbatim" | "reply_protocol"> {
  return {
    reply_simple: (ptr, len) => {
      ctx.replies.item();
      ctx.writer.simple(Buffer.from(p.view().buffer, ptr, len).toString("utf8"));
    },
    reply_ok: () => {
      ctx.replies.item();
      ctx.writer.ok();
    },
    reply_error: (ptr, len) => {
      ctx.replies.item();
      ctx.writer.error(Buffer.from(p.view().buffer, ptr, len).toString("utf8"));
    },
    reply_int: (v) => {
      ctx.replies.item();
      ctx.writer.bigint(v);
    },
    reply_small_int: (v) => {
      ctx.replies.item();
      ctx.writer.int(v);
    },
    reply_bulk: (ptr, len) => {
      ctx.replies.item();
      ctx.writer.bulk(p.view(), ptr, len);
    },
    reply_null: () => {
      ctx.replies.item();
      ctx.writer.null();
    },
    reply_null_array: () => {
      ctx.replies.item();
      ctx.writer.nullArray();
    },
    reply_array: (n) => {
      if (n === -1) ctx.replies.item(); // `*-1`, RESP2's null array
      else ctx.replies.open(n);
      ctx.writer.array(n);
    },
    reply_map: (n) => {
      ctx.replies.open(n < 0 ? n : n * 2); // RESP2 writes the pairs as one flat array
      ctx.writer.map(n);
    },
    reply_set: (n) => {
      ctx.replies.open(n);
      ctx.writer.set(n);
    },
    reply_double: (v) => {
      ctx.replies.item();
      ctx.writer.double(v);
    },
    reply_double_text: (ptr, len) => {
      ctx.replies.item();
      ctx.writer.doubleText(Buffer.from(p.view().buffer, ptr, len).toString("latin1"));
    },
    reply_bool: (v) => {
      ctx.replies.item();
      ctx.writer.bool(v !== 0);
    },
    reply_big_number: (ptr, len) => {
      ctx.replies.item();
      ctx.writer.bigNumber(Buffer.from(p.view().buffer, ptr, len).toString("latin1"));
    },
    reply_verbatim: (ptr, len) => {
      ctx.replies.item();
      ctx.writer.verbatim(Buffer.from(p.view().buffer, ptr, len));
    },
    reply_protocol: () => ctx.writer.proto,

  };
}
