// Starting from a config file given first on the command line, as redis-server takes one: its
// directives apply (quoting and comments included), and a later --port flag overrides the file's port.
// Runs against redis-server too (TEST_AGAINST=redis).
import { afterAll, expect, it } from "vitest";
import { Redis } from "ioredis";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useServer } from "../../helpers/server.js";
import { redisCli } from "../protocol/cli.js";

const PASSWORD = "file pass";
const configDir = mkdtempSync(join(tmpdir(), "ferrite-conf-"));
const configFile = join(configDir, "server.conf");
writeFileSync(configFile, [
  "# a port the command line overrides",
  "port 1",
  `requirepass "${PASSWORD}"`,
  "",
  "databases 4",
  "hz 20",
].join("\n"));
afterAll(() => rmSync(configDir, { recursive: true, force: true }));
const server = useServer([], { configFile, client: { password: PASSWORD } });

it("listens on the --port given after the file, not the file's", async () => {
  expect(await server.r.call("config", "get", "port")).toEqual(["port", String(server.port)]);
});

it("takes requirepass, databases and hz from the file", async () => {
  expect(await server.r.call("config", "get", "requirepass")).toEqual(["requirepass", PASSWORD]);
  expect(await server.r.call("config", "get", "databases")).toEqual(["databases", "4"]);
  expect(await server.r.call("config", "get", "hz")).toEqual(["hz", "20"]);
  const anonymous = new Redis({ port: server.port, enableReadyCheck: false });
  await expect(anonymous.ping()).rejects.toThrow("NOAUTH Authentication required.");
  anonymous.disconnect();
});

it("has exactly the file's number of databases", async () => {
  expect(await server.r.select(3)).toBe("OK");
  await expect(server.r.select(4)).rejects.toThrow("ERR DB index is out of range");
  await expect(server.r.swapdb(0, 4)).rejects.toThrow("ERR DB index is out of range");
  expect(await server.r.select(0)).toBe("OK");
});

it("reports the file's absolute path in INFO server", async () => {
  expect(await server.r.info("server")).toContain(`config_file:${configFile}\r\n`);
});

it("serves redis-cli with the file's password", () => {
  expect(redisCli(server.port, "-a", PASSWORD, "--no-auth-warning", "-n", "3", "PING").stdout).toBe("PONG\n");
});
