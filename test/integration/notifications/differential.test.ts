// The same scripts of write commands against Ferrite and redis-server (Debian's 7.0.15, the reference)
// with notify-keyspace-events KEAnm (every class, new and keymiss included): the events a PSUBSCRIBE
// client sees must be the same, in the same order. Every script covers one type's write commands, the
// key becoming empty included.
import { describe, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { eventStream } from "./event-stream.js";
import { SCRIPTS } from "./scripts.js";

const args = ["--notify-keyspace-events", "KEAnm"];
const ferrite = useServer(args, { kind: "ferrite" });
const redis = useServer(args, { kind: "redis" });

describe("keyspace events match redis-server's", () => {
  for (const [name, script] of Object.entries(SCRIPTS)) {
    it(name, async () => {
      const expected = await eventStream(redis.port, script);
      const actual = await eventStream(ferrite.port, script);
      expect(expected.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });
  }
});
