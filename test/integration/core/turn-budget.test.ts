// Many clients with long pipelines at once: the server spreads their input over several event-loop
// turns (server/turn-budget.ts, ADR 0013), so that timers run in between. Every reply must still
// arrive, complete and in order, per client.
import { describe, expect, it } from "vitest";
import { connect, type Socket } from "node:net";
import { sleep, useServer } from "../../helpers/server.js";
import { multibulk, splitReplies, useRawConnections } from "../../helpers/raw-resp.js";
import { SLOW_COMMAND_ARGS, slowCommand } from "../../helpers/slow-command.js";
import { against } from "../../helpers/target.js";

const CLIENTS = 20;
const PIPELINE = 3000;

function incrs(key: string, n: number): string {
  return `*2\r\n$4\r\nINCR\r\n$${key.length}\r\n${key}\r\n`.repeat(n);
}

/** Sends `payload` and resolves with everything read until `expected` bytes arrived. */
function exchange(port: number, payload: string, expected: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ port, host: "127.0.0.1" }, () => socket.write(payload));
    let got = "";
    socket.setEncoding("latin1");
    socket.on("data", (d: string) => {
      got += d;
      if (got.length >= expected) {
        socket.end();
        resolve(got);
      }
    });
    socket.on("error", reject);
  });
}

describe("input from many pipelining clients at once", () => {
  const server = useServer(SLOW_COMMAND_ARGS);
  const rawConnection = useRawConnections(() => server.port);

  it("answers every command of every client, in order", async () => {
    const expectedReply = (n: number) => Array.from({ length: n }, (_, i) => `:${i + 1}\r\n`).join("");
    const replies = await Promise.all(
      Array.from({ length: CLIENTS }, (_, c) => exchange(server.port, incrs(`turn:${c}`, PIPELINE), expectedReply(PIPELINE).length)),
    );
    for (const reply of replies) expect(reply).toBe(expectedReply(PIPELINE));
  });

  // Redis serves every ready client in one turn: the budget is ours (a turn of ours costs more).
  it.skipIf(against === "redis")("lets timers run between the clients' pipelines of one turn", async () => {
    // Each client counts PIPELINE commands on one shared counter, then blocks 1 ms (a timer) and reads
    // the counter once more when that timer has fired. Without a budget every pipeline runs in the
    // turn that read them, before any timer: each client's last count would come after all the others'.
    const connections = await Promise.all(Array.from({ length: CLIENTS }, () => rawConnection()));
    // Accepted and idle, so that the server reads every pipeline in the same turn.
    for (const c of connections) expect(await c.send(["PING"])).toBe("+PONG\r\n");
    await server.r.ping();
    const payload = (c: number) =>
      Buffer.concat([Buffer.from(incrs("turn:shared", PIPELINE)), multibulk("BLPOP", `turn:empty:${c}`, "0.001"), multibulk("INCR", "turn:shared")]);
    // The slow command holds the event loop while every pipeline arrives (the pause only lets it start).
    const held = slowCommand(server.r);
    await sleep(30);
    const replies = await Promise.all(connections.map((c, i) => c.sendRaw(payload(i), (text) => splitReplies(text).length === PIPELINE + 2, 30_000)));
    await held;
    const lastCounts = replies.map((text) => {
      const own = splitReplies(text);
      expect(own).toHaveLength(PIPELINE + 2);
      expect(own[PIPELINE]).toBe("*-1\r\n");
      return Number(own[PIPELINE + 1].slice(1, -2));
    });
    expect(Math.max(...lastCounts)).toBe(CLIENTS * PIPELINE + CLIENTS);
    expect(Math.min(...lastCounts)).toBeLessThan(CLIENTS * PIPELINE);
  });
});
