// JSON.GET FORMAT (RedisJSON 2.6+): on RESP3, EXPAND answers each path's matches as RESP3 values, maps and
// arrays included, EXPAND1 answers containers as JSON text; STRING is the usual reply. Byte-exact
// replies, since the RESP3 types (boolean, double, null, map) are the point.
import { describe, expect, it } from "vitest";
import { rawReply, rawReplies } from "../../../test/helpers/raw-resp.js";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer([], { kind: "ferrite", flush: true });
const DOC = '{"a":{"b":true,"n":null},"l":[1,2.5,"s"],"f":false}';
const get = (protocol: 2 | 3, ...args: string[]) => rawReplies(s.port, protocol, ["JSON.SET", "k", "$", DOC], ["JSON.GET", "k", ...args]).then((r) => r[1]);

describe("JSON.GET FORMAT", () => {
  it("EXPAND: every match as RESP3 values, per path", async () => {
    expect(await get(3, "FORMAT", "EXPAND", "$")).toBe(
      "*1\r\n*1\r\n%3\r\n$1\r\na\r\n%2\r\n$1\r\nb\r\n#t\r\n$1\r\nn\r\n_\r\n$1\r\nl\r\n*3\r\n:1\r\n,2.5\r\n$1\r\ns\r\n$1\r\nf\r\n#f\r\n",
    );
    // Legacy paths answer all their matches too; a path that does not compile matches nothing.
    expect(await get(3, "FORMAT", "EXPAND", ".l[0]", "$..b", "$[")).toBe("*3\r\n*1\r\n:1\r\n*1\r\n#t\r\n*0\r\n");
    expect(await get(3, "FORMAT", "EXPAND")).toBe(await get(3, "FORMAT", "EXPAND", "."));
  });

  it("EXPAND1: scalars as RESP3 values, containers as their JSON text (formatting options apply)", async () => {
    expect(await get(3, "FORMAT", "EXPAND1", "$.a", "$.l[*]", "$.nothing")).toBe(
      '*3\r\n*1\r\n$19\r\n{"b":true,"n":null}\r\n*3\r\n:1\r\n,2.5\r\n$1\r\ns\r\n*0\r\n',
    );
    expect(await get(3, "INDENT", " ", "NEWLINE", "\n", "FORMAT", "EXPAND1", "$.l")).toBe('*1\r\n*1\r\n$18\r\n[\n 1,\n 2.5,\n "s"\n]\r\n');
  });

  it("STRING, and any format on RESP2 after a path, is the usual reply", async () => {
    expect(await get(3, "FORMAT", "STRING", "$.l")).toBe('$13\r\n[[1,2.5,"s"]]\r\n');
    expect(await get(2, "$.l", "FORMAT", "EXPAND")).toBe('$13\r\n[[1,2.5,"s"]]\r\n');
  });

  it("refuses FORMAT before any path on RESP2, and unknown or lower-case formats", async () => {
    expect(await get(2, "FORMAT", "EXPAND", "$")).toBe("-ERR FORMAT argument is not supported on RESP2\r\n");
    expect(await get(3, "FORMAT", "expand", "$")).toBe("-ERR wrong reply format\r\n");
    expect(await get(3, "FORMAT", "STRINGS", "$")).toBe("-ERR wrong reply format\r\n");
    expect(await get(3, "FORMAT")).toBe("-ERR syntax error\r\n");
    expect(await rawReply(s.port, 3, "JSON.GET", "missing", "FORMAT", "EXPAND", "$")).toBe("_\r\n");
  });
});
