// FT.CONFIG GET/SET through node-redis, and the plugin state that is not keys surviving a restart: the
// FT.DICTADD dictionaries and the FT.SYNUPDATE groups travel with the index definitions as aux data.
import { createClient, SCHEMA_FIELD_TYPE } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useRestarts } from "../../../test/helpers/restarts.js";
import { useServer } from "../../../test/helpers/server.js";
import { waitIndexed } from "./clients.js";

describe("FT.CONFIG", () => {
  const server = useServer([]);
  let c: ReturnType<typeof createClient>;
  beforeAll(async () => {
    c = createClient({ socket: { port: server.port } });
    await c.connect();
  });
  afterAll(async () => {
    await c?.quit();
  });

  it("gets one option, all of them, and sets what may change at run time", async () => {
    expect(await c.ft.configGet("TIMEOUT")).toEqual({ TIMEOUT: "500" });
    expect(await c.ft.configGet("timeout")).toEqual({ TIMEOUT: "500" });
    const all = await c.ft.configGet("*");
    expect(Object.keys(all)).toEqual(expect.arrayContaining(["MINPREFIX", "MAXEXPANSIONS", "DEFAULT_DIALECT", "CURSOR_MAX_IDLE", "ON_TIMEOUT"]));
    expect(all.EXTLOAD).toBeNull();
    expect(await c.ft.configSet("MINPREFIX", "3")).toBe("OK");
    expect(await c.ft.configGet("MINPREFIX")).toEqual({ MINPREFIX: "3" });
    expect(await c.ft.configSet("ON_TIMEOUT", "FAIL")).toBe("OK");
    expect(await c.ft.configGet("ON_TIMEOUT")).toEqual({ ON_TIMEOUT: "fail" });
    expect(await c.ft.configGet("NOSUCH")).toEqual({});
  });

  it("refuses unknown, fixed and invalid options, keeping the old value", async () => {
    await expect(c.ft.configSet("NOSUCH" as never, "1")).rejects.toThrow("Unknown configuration option");
    await expect(c.ft.configSet("NOGC" as never, "true")).rejects.toThrow("Not modifiable at runtime");
    await expect(c.ft.configSet("TIMEOUT", "abc")).rejects.toThrow("Invalid value for `TIMEOUT`");
    await expect(c.ft.configSet("DEFAULT_DIALECT", "7")).rejects.toThrow("DEFAULT_DIALECT requires a value between 1 and 4");
    expect(await c.ft.configGet("TIMEOUT")).toEqual({ TIMEOUT: "500" });
  });

  it("DEFAULT_DIALECT is the dialect of FT.AGGREGATE without DIALECT", async () => {
    await c.ft.create("cfg", { t: SCHEMA_FIELD_TYPE.TEXT }, { ON: "HASH", PREFIX: "cfg:" });
    await c.hSet("cfg:1", "t", "hello");
    expect(await c.ft.configSet("DEFAULT_DIALECT", "2")).toBe("OK");
    // A $param is a parameter from dialect 2 on.
    expect(await c.sendCommand(["FT.AGGREGATE", "cfg", "$w", "PARAMS", "2", "w", "hello", "LOAD", "1", "@t"])).toEqual([1, ["t", "hello"]]);
    expect(await c.ft.configSet("DEFAULT_DIALECT", "1")).toBe("OK");
  });
});

describe("dictionaries and synonyms across a restart", () => {
  const restarts = useRestarts();
  it("come back from a snapshot with the index", async () => {
    const dir = restarts.newDir();
    const a = await restarts.start(dir, ["--appendonly", "no"]);
    await a.r.call("FT.CREATE", "kept", "ON", "HASH", "PREFIX", "1", "k:", "SCHEMA", "body", "TEXT");
    await a.r.call("FT.DICTADD", "names", "alice", "bob");
    await a.r.call("FT.SYNUPDATE", "kept", "g1", "car", "automobile");
    await a.r.hset("k:1", "body", "a red automobile");
    await a.r.save();
    await restarts.killAll();
    const b = await restarts.start(dir, ["--appendonly", "no"]);
    await waitIndexed(b.r, "kept"); // the index is rebuilt from the keys after a load
    expect(await b.r.call("FT.DICTDUMP", "names")).toEqual(["alice", "bob"]);
    expect(await b.r.call("FT.SYNDUMP", "kept")).toEqual(expect.arrayContaining(["car", ["g1"], "automobile", ["g1"]]));
    const found = (await b.r.call("FT.SEARCH", "kept", "car", "NOCONTENT")) as unknown[];
    expect(found).toEqual([1, "k:1"]);
  }, 60_000);
});
