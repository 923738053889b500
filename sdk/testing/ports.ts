// Free loopback ports, and waiting for a spawned server to listen on one: for the SDK's test harness,
// the repository's test helpers and bench/macro/servers.ts alike.
import type { ChildProcess } from "node:child_process";
import { connect, createServer } from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/** Resolves once `port` accepts connections; fails if `child` exits first or `timeoutMs` pass. */
export async function waitForPort(port: number, child: ChildProcess, log: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    const up = await new Promise<boolean>((ok) => {
      const s = connect(port, "127.0.0.1");
      s.once("connect", () => { s.destroy(); ok(true); });
      s.once("error", () => ok(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`server did not listen on ${port}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
