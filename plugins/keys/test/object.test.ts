// OBJECT ENCODING FREQ IDLETIME REFCOUNT HELP. Ferrite has no maxmemory-policy yet and behaves as noeviction.
import { describe, expect, it } from "vitest";
import { errorOf, sleep, useServer } from "../../../test/helpers/server.js";

const s = useServer();
const object = (sub: string, ...args: string[]) => s.r.call("object", sub, ...args);

describe("OBJECT ENCODING", () => {
  it("names the string encodings as Redis does", async () => {
    await s.r.mset("enc:int", "12345", "enc:short", "hello", "enc:long", "x".repeat(45));
    expect(await object("encoding", "enc:int")).toBe("int");
    expect(await object("ENCODING", "enc:short")).toBe("embstr");
    expect(await object("encoding", "enc:long")).toBe("raw");
  });

  it("answers null for a missing key", async () => {
    expect(await object("encoding", "enc:missing")).toBe(null);
  });
});

describe("OBJECT FREQ", () => {
  it("fails without an LFU policy, after looking the key up", async () => {
    await s.r.set("freq:a", "v");
    expect(await errorOf(object("freq", "freq:a"))).toBe(
      "ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when " +
      "switching between policies at runtime LRU and LFU data will take some time to adjust.");
    expect(await object("freq", "freq:missing")).toBe(null);
  });
});

describe("OBJECT IDLETIME", () => {
  it("counts seconds since the last access, which OBJECT itself is not", async () => {
    await s.r.set("idle:a", "v");
    await s.r.set("idle:b", "v");
    expect(await object("idletime", "idle:a")).toBeLessThanOrEqual(1);
    await sleep(2100);
    expect(await object("idletime", "idle:a")).toBeGreaterThanOrEqual(1);
    expect(await object("idletime", "idle:a")).toBeGreaterThanOrEqual(1);
    await s.r.call("touch", "idle:a");
    await s.r.get("idle:b");
    expect(await object("idletime", "idle:a")).toBe(0);
    expect(await object("idletime", "idle:b")).toBe(0);
  });

  it("answers null for a missing key", async () => {
    expect(await object("idletime", "idle:missing")).toBe(null);
  });
});

describe("OBJECT REFCOUNT", () => {
  it("is 1 for an unshared value and null for a missing key", async () => {
    await s.r.set("ref:a", "hello");
    expect(await object("refcount", "ref:a")).toBe(1);
    expect(await object("refcount", "ref:missing")).toBe(null);
  });
});

describe("OBJECT HELP and errors", () => {
  it("lists the subcommands", async () => {
    expect(await object("help")).toEqual(HELP);
  });

  it("rejects unknown subcommands and wrong arities", async () => {
    expect(await errorOf(object("foo", "k"))).toBe("ERR unknown subcommand 'foo'. Try OBJECT HELP.");
    expect(await errorOf(s.r.call("object"))).toBe("ERR wrong number of arguments for 'object' command");
    expect(await errorOf(object("encoding"))).toBe("ERR wrong number of arguments for 'object|encoding' command");
    expect(await errorOf(object("help", "x"))).toBe("ERR wrong number of arguments for 'object|help' command");
  });
});

const HELP = [
  "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
  "ENCODING <key>",
  "    Return the kind of internal representation used in order to store the value",
  "    associated with a <key>.",
  "FREQ <key>",
  "    Return the access frequency index of the <key>. The returned integer is",
  "    proportional to the logarithm of the recent access frequency of the key.",
  "IDLETIME <key>",
  "    Return the idle time of the <key>, that is the approximated number of",
  "    seconds elapsed since the last access to the key.",
  "REFCOUNT <key>",
  "    Return the number of references of the value associated with the specified",
  "    <key>.",
  "HELP",
  "    Prints this help.",
];
