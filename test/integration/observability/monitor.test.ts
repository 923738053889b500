// MONITOR over raw RESP: the exact line format (`+<unix.micros> [<db> <addr>] "cmd" "args"…`),
// sdscatrepr quoting, AUTH/HELLO redaction, admin commands left out, and how a monitoring client leaves
// (QUIT, RESET). Also runs against redis-server (TEST_AGAINST=redis).
import { afterEach, beforeEach, expect, it } from "vitest";
import { useServer } from "../../helpers/server.js";
import { RawConnection, multibulk } from "../../helpers/raw-resp.js";

const server = useServer();
let monitor: RawConnection;
let other: RawConnection;
let otherAddr: string;

const lineCount = (n: number) => (text: string) => text.split("\r\n").length > n;

beforeEach(async () => {
  monitor = await RawConnection.open(server.port);
  other = await RawConnection.open(server.port);
  const info = await other.send(["client", "info"]);
  otherAddr = /addr=(\S+)/.exec(info)![1];
  expect(await monitor.send(["monitor"])).toBe("+OK\r\n");
});

afterEach(() => {
  monitor.close();
  other.close();
});

/** Runs `commands` on the other connection and returns the monitor's lines for them. */
async function watch(...commands: string[][]): Promise<string[]> {
  const seen = monitor.sendRaw("", lineCount(commands.length));
  for (const cmd of commands) await other.send(cmd);
  return (await seen).split("\r\n").slice(0, -1);
}

it("shows each command as Redis does, with the database after it ran and the client's address", async () => {
  const lines = await watch(["set", "k", "v"], ["select", "3"], ["get", "k"]);
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(new RegExp(`^\\+\\d{10}\\.\\d{6} \\[0 ${otherAddr}\\] "set" "k" "v"$`));
  expect(lines[1]).toMatch(new RegExp(`^\\+\\d+\\.\\d{6} \\[3 ${otherAddr}\\] "select" "3"$`));
  expect(lines[2]).toMatch(/ \[3 [^\]]+\] "get" "k"$/);
  const at = Number(lines[0].slice(1, lines[0].indexOf(" ")));
  expect(Math.abs(at - Date.now() / 1000)).toBeLessThan(5);
});

it("quotes arguments as sdscatrepr", async () => {
  const [line] = await watch(["set", "a b", "x\ny\x01\"\\\xe9\t\r\x07\x08"]);
  expect(line.slice(line.indexOf("] ") + 2)).toBe('"set" "a b" "x\\ny\\x01\\"\\\\\\xe9\\t\\r\\a\\b"');
});

it("redacts AUTH and HELLO AUTH arguments, and leaves out admin commands", async () => {
  const lines = await watch(["auth", "someone", "secret"], ["config", "get", "maxmemory"], ["hello", "2", "auth", "default", "secret", "setname", "n1"], ["echo", "done"]);
  const commands = lines.map((l) => l.slice(l.indexOf("] ") + 2));
  expect(commands).toEqual(['"auth" "(redacted)" "(redacted)"', '"hello" "2" "auth" "(redacted)" "(redacted)" "setname" "n1"', '"echo" "done"']);
});

it("refuses keyspace commands from the monitoring client", async () => {
  expect(await monitor.send(["get", "k"])).toBe("-ERR Replica can't interact with the keyspace\r\n");
});

it("stops with RESET and closes with QUIT", async () => {
  expect(await monitor.send(["reset"])).toBe("+RESET\r\n");
  expect(await monitor.send(["get", "nokey"])).toBe("$-1\r\n");
  expect(await monitor.send(["monitor"])).toBe("+OK\r\n");
  const quit = await monitor.sendRaw(multibulk("quit"), (t) => t.includes("+OK\r\n"));
  expect(quit).toMatch(/^\+OK\r\n/);
  expect(await monitor.closed()).toBe(true);
  await other.send(["ping"]);
});
