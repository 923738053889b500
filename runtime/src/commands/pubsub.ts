// Pub/sub commands: (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PUBLISH, SPUBLISH and PUBSUB introspection, over
// the registry in runtime/src/pubsub. Replies follow Redis 7.2's pubsub.c.
import type { CoreHandler, CommandClient as Client } from "../command/command-table.js";
import { CHANNEL, PATTERN, SHARD, type SubscriptionKind } from "../pubsub/kinds.js";
import { replyHelp } from "./help.js";

const HELP = [
  "CHANNELS [<pattern>]",
  "    Return the currently active channels matching a <pattern> (default: '*').",
  "NUMPAT",
  "    Return number of subscriptions to patterns.",
  "NUMSUB [<channel> ...]",
  "    Return the number of subscribers for the specified channels, excluding",
  "    pattern subscriptions(default: no channels).",
  "SHARDCHANNELS [<pattern>]",
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  "SHARDNUMSUB [<shardchannel> ...]",
  "    Return the number of subscribers for the specified shard level channel(s)",
];

function subscribeAll(kind: SubscriptionKind): CoreHandler {
  return (c, s) => {
    for (let i = 1; i < c.argc(); i++) s.pubsub.subscribe(c, kind, c.argString(i));
  };
}

function unsubscribeAll(kind: SubscriptionKind): CoreHandler {
  return (c, s) => {
    if (c.argc() === 1) s.pubsub.unsubscribeAll(c, kind);
    else for (let i = 1; i < c.argc(); i++) s.pubsub.unsubscribe(c, kind, c.argString(i));
  };
}

/** Redis's addReplySubcommandSyntaxError, for a subcommand given too many arguments. */
function subcommandSyntaxError(c: Client): void {
  c.writer.error(`ERR unknown subcommand or wrong number of arguments for '${c.argString(1).slice(0, 128)}'. Try PUBSUB HELP.`);
}

function channels(kind: typeof CHANNEL | typeof SHARD): CoreHandler {
  return (c, s) => {
    if (c.argc() > 3) return subcommandSyntaxError(c);
    const names = s.pubsub.activeChannels(kind, c.argc() === 3 ? c.argBuffer(2) : null);
    c.writer.array(names.length);
    for (const name of names) c.writer.bulkLatin1(name);
  };
}

/** NUMSUB and SHARDNUMSUB: a flat channel, count array in both protocols, as Redis replies. */
function numsub(kind: typeof CHANNEL | typeof SHARD): CoreHandler {
  return (c, s) => {
    c.writer.array((c.argc() - 2) * 2);
    for (let i = 2; i < c.argc(); i++) {
      const name = c.argString(i);
      c.writer.bulkLatin1(name);
      c.writer.int(s.pubsub.subscriberCount(kind, name));
    }
  };
}

export const pubsubHandlers: Record<string, CoreHandler> = {
  subscribe: subscribeAll(CHANNEL),
  psubscribe: subscribeAll(PATTERN),
  ssubscribe: subscribeAll(SHARD),
  unsubscribe: unsubscribeAll(CHANNEL),
  punsubscribe: unsubscribeAll(PATTERN),
  sunsubscribe: unsubscribeAll(SHARD),
  publish(c, s) {
    c.writer.int(s.pubsub.publish(c.argBuffer(1), c.argBuffer(2)));
  },
  spublish(c, s) {
    c.writer.int(s.pubsub.spublish(c.argBuffer(1), c.argBuffer(2)));
  },
  "pubsub|channels": channels(CHANNEL),
  "pubsub|shardchannels": channels(SHARD),
  "pubsub|numsub": numsub(CHANNEL),
  "pubsub|shardnumsub": numsub(SHARD),
  "pubsub|numpat"(c, s) {
    c.writer.int(s.pubsub.patternCount);
  },
  "pubsub|help"(c) {
    replyHelp(c, HELP);
  },
};
