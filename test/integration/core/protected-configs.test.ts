// Redis 7's protected configs: CONFIG SET of dir or dbfilename is refused unless enable-protected-configs
// allows the client (yes, or local from loopback). Also runs against redis-server (TEST_AGAINST=redis).
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";

const protectedError = (name: string) => `ERR CONFIG SET failed (possibly related to argument '${name}') - can't set protected config`;

describe("by default (enable-protected-configs no)", () => {
  const server = useServer();

  it("refuses dbfilename and dir with Redis's error, and changes nothing else of the same CONFIG SET", async () => {
    const [, before] = (await server.r.config("GET", "dbfilename")) as string[];
    expect(await errorOf(server.r.config("SET", "dbfilename", "other.db"))).toBe(protectedError("dbfilename"));
    expect(await errorOf(server.r.config("SET", "dir", "/tmp"))).toBe(protectedError("dir"));
    expect(await errorOf(server.r.call("config", "set", "hz", "7", "dbfilename", "other.db"))).toBe(protectedError("dbfilename"));
    // Protection is decided before values are parsed.
    expect(await errorOf(server.r.call("config", "set", "maxmemory", "abc", "dbfilename", "other.db"))).toBe(protectedError("dbfilename"));
    expect(await server.r.config("GET", "dbfilename")).toEqual(["dbfilename", before]);
    expect(await server.r.config("GET", "hz")).toEqual(["hz", "10"]);
  });

  it("reports enable-protected-configs, which only the command line sets", async () => {
    expect(await server.r.config("GET", "enable-protected-configs")).toEqual(["enable-protected-configs", "no"]);
    expect(await errorOf(server.r.config("SET", "enable-protected-configs", "yes"))).toBe(
      "ERR CONFIG SET failed (possibly related to argument 'enable-protected-configs') - can't set immutable config",
    );
  });
});

describe("with enable-protected-configs local, from a loopback client", () => {
  const server = useServer(["--enable-protected-configs", "local"]);

  it("sets dbfilename", async () => {
    expect(await server.r.config("SET", "dbfilename", "other.db")).toBe("OK");
    expect(await server.r.config("GET", "dbfilename")).toEqual(["dbfilename", "other.db"]);
  });
});
