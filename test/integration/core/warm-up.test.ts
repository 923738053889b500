// The start-up warm-up (server/warm-up.ts, ADR 0037) runs thousands of commands through the request path
// before the first client: a client must find no trace of them — no statistic, no slow-log entry, no key,
// nothing in the AOF — on a server set to record everything it could.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { against } from "../../helpers/target.js";

const server = useServer([
  "--loglevel", "verbose", "--appendonly", "yes", "--slowlog-log-slower-than", "0",
]);

/** One INFO field's value. */
function field(info: string, name: string): string | undefined {
  return new RegExp(`^${name}:(.*)\\r?$`, "m").exec(info)?.[1];
}

describe.skipIf(against === "redis")("start-up warm-up", () => {
  it("ran: the log says how many commands it sent through the request path", () => {
    const warmed = /Request path warmed up with (\d+) commands/.exec(server.target.log());
    expect(warmed).not.toBeNull();
    expect(Number(warmed![1])).toBeGreaterThan(1000);
  });

  it("left no statistic: commandstats, errorstats, keyspace hits and misses, changes since the last save", async () => {
    // The file's first commands (the tests run in order): INFO itself is counted after it runs, as in Redis.
    const commandstats = await server.r.info("commandstats");
    expect(commandstats).not.toMatch(/cmdstat_(set|get|incr|lpush|lpop|sadd|hset|zadd|mset|ping|config)/);
    const info = await server.r.info("all");
    for (const name of ["keyspace_hits", "keyspace_misses", "total_error_replies", "rdb_changes_since_last_save", "expired_keys", "evicted_keys"])
      expect(field(info, name), name).toBe("0");
    expect(Number(field(info, "total_commands_processed"))).toBeLessThan(10);
  });

  it("left nothing in the slow log, though it was set to record every command", async () => {
    const entries = (await server.r.slowlog("GET", 1000)) as [number, number, number, string[]][];
    // Only this file's own few commands; the warm-up's last ones would fill it (slowlog-max-len 128).
    expect(entries.length).toBeLessThan(10);
    expect(entries.map((e) => e[3].join(" "))).not.toContain("CONFIG GET save");
  });

  it("left no key in any database", async () => {
    for (let db = 0; db < 16; db++) {
      const c = server.client({ db });
      expect(await c.dbsize()).toBe(0);
    }
    expect(await server.r.info("keyspace")).not.toMatch(/^db\d+:/m);
  });

  it("wrote nothing to the AOF", () => {
    const dir = join(server.target.dir, "appendonlydir");
    const bytes = readdirSync(dir).map((f) => readFileSync(join(dir, f), "latin1")).join("");
    expect(bytes).not.toContain("warm-up:");
  });
});
