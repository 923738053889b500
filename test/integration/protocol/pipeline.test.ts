// Deep pipelining: ten thousand commands in one write, over a raw socket and through ioredis and
// node-redis, answered completely and in order. Runs against redis-server too.
import { expect, it } from "vitest";
import { createClient } from "redis";
import { useServer } from "../../helpers/server.js";
import { exchange, multibulk } from "../../helpers/raw-resp.js";

const DEPTH = 10_000;
const server = useServer();

it("answers 10 000 multibulk commands sent in one write, in order", async () => {
  const requests: Buffer[] = [];
  let expected = "";
  for (let i = 0; i < DEPTH; i++) {
    requests.push(multibulk("SET", `raw:${i}`, `v${i}`), multibulk("GET", `raw:${i}`));
    expected += `+OK\r\n$${`v${i}`.length}\r\nv${i}\r\n`;
  }
  const { text, closed } = await exchange(server.port, Buffer.concat(requests), (t) => t.length >= expected.length, 20_000);
  expect(closed).toBe(false);
  expect(text).toBe(expected);
});

it("answers 10 000 inline commands sent in one write, in order", async () => {
  let request = "";
  let expected = "";
  for (let i = 0; i < DEPTH; i++) {
    request += `ECHO e${i}\r\n`;
    expected += `$${`e${i}`.length}\r\ne${i}\r\n`;
  }
  const { text } = await exchange(server.port, request, (t) => t.length >= expected.length, 20_000);
  expect(text).toBe(expected);
});

it("answers a 10 000-command ioredis pipeline in order", async () => {
  const pipeline = server.r.pipeline();
  for (let i = 0; i < DEPTH; i++) pipeline.incr("pipe:counter");
  const results = await pipeline.exec();
  expect(results).toHaveLength(DEPTH);
  results!.forEach(([error, value], i) => {
    expect(error).toBeNull();
    expect(value).toBe(i + 1);
  });
});

it("keeps each reply with its command when some of a pipeline fail", async () => {
  const pipeline = server.r.pipeline();
  for (let i = 0; i < DEPTH; i++) {
    if (i % 3 === 0) pipeline.call("nosuch", String(i));
    else pipeline.echo(String(i));
  }
  const results = (await pipeline.exec())!;
  results.forEach(([error, value], i) => {
    if (i % 3 === 0) expect(error?.message).toBe(`ERR unknown command 'nosuch', with args beginning with: '${i}' `);
    else expect(value).toBe(String(i));
  });
});

it("answers 10 000 concurrent node-redis commands (auto-pipelined) in order", async () => {
  const client = createClient({ socket: { port: server.port } });
  await client.connect();
  try {
    const replies = await Promise.all(Array.from({ length: DEPTH }, (_, i) => client.echo(`n${i}`)));
    expect(replies).toEqual(Array.from({ length: DEPTH }, (_, i) => `n${i}`));
  } finally {
    client.destroy();
  }
});
