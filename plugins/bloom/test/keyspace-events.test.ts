// Keyspace events of the five probabilistic types, as RedisBloom raises them: none of its own. Its
// commands (rebloom.c, rm_cms.c, rm_topk.c, rm_tdigest.c) call no RedisModule_NotifyKeyspaceEvent; what a
// subscriber sees is the server's generic events: `new` when a write creates the key (Redis's dbAdd,
// reached through RedisModule_ModuleTypeSetValue), and `del`, `rename_*`, `expire`… from the core commands.
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { flush: true });

/** Every write of the five families once, each on a key of its own. */
const WRITES: string[][] = [
  ["BF.RESERVE", "bf", "0.01", "100"],
  ["BF.ADD", "bf", "a"],
  ["BF.MADD", "bf", "b", "c"],
  ["BF.INSERT", "bf2", "ITEMS", "a"],
  ["CF.RESERVE", "cf", "100"],
  ["CF.ADD", "cf", "a"],
  ["CF.ADDNX", "cf", "b"],
  ["CF.INSERT", "cf", "ITEMS", "c"],
  ["CF.INSERTNX", "cf", "ITEMS", "d"],
  ["CF.DEL", "cf", "a"],
  ["CMS.INITBYDIM", "cms", "10", "2"],
  ["CMS.INITBYPROB", "cms2", "0.1", "0.1"],
  ["CMS.INCRBY", "cms", "a", "1"],
  ["CMS.INITBYDIM", "cms3", "10", "2"],
  ["CMS.MERGE", "cms3", "1", "cms"],
  ["TOPK.RESERVE", "topk", "2"],
  ["TOPK.ADD", "topk", "a"],
  ["TOPK.INCRBY", "topk", "a", "2"],
  ["TDIGEST.CREATE", "td"],
  ["TDIGEST.ADD", "td", "1", "2"],
  ["TDIGEST.MERGE", "td2", "1", "td"],
  ["TDIGEST.RESET", "td"],
];

it("raises no event of their own for any write, only the server's `new` for a created key and `del`", async () => {
  const r = s.r;
  await r.config("SET", "notify-keyspace-events", "KEA"); // every class but n (new) and m (miss)…
  const sub = s.client();
  const events: string[] = [];
  sub.on("pmessage", (_p, channel: string, message: string) => events.push(`${channel.replace("__keyevent@0__:", "")} ${message}`));
  await sub.psubscribe("__keyevent@0__:*");
  try {
    for (const args of WRITES) await r.call(args[0], ...args.slice(1));
    await r.del("bf");
    await r.config("SET", "notify-keyspace-events", "KEn"); // …and then only n
    await r.call("BF.ADD", "fresh", "a");
    await r.call("BF.ADD", "fresh", "b"); // the key exists: nothing
    await r.call("TDIGEST.CREATE", "fresh-td");
    const want = ["del bf", "new fresh", "new fresh-td"];
    for (let i = 0; i < 200 && events.length < want.length; i++) await new Promise((ok) => setTimeout(ok, 10));
    await r.ping(); // a round trip more, for an event that should not be there
    expect(events).toEqual(want);
  } finally {
    await r.config("SET", "notify-keyspace-events", "");
  }
});
