// Many clients with long pipelines at once: the server spreads their input over several event-loop
// turns (server/turn-budget.ts). Every reply must still arrive, complete and in order, per client.
import { describe, expect, it } from "vitest";
import { connect, type Socket } from "node:net";
import { useServer } from "../../helpers/server.js";

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
  const server = useServer();

  it("answers every command of every client, in order", async () => {
    const expectedReply = (n: number) => Array.from({ length: n }, (_, i) => `:${i + 1}\r\n`).join("");
    const replies = await Promise.all(
      Array.from({ length: CLIENTS }, (_, c) => exchange(server.port, incrs(`turn:${c}`, PIPELINE), expectedReply(PIPELINE).length)),
    );
    for (const reply of replies) expect(reply).toBe(expectedReply(PIPELINE));
  });
});
