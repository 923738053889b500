// A RESP3 client for plugin tests: ioredis speaks only RESP2, and a plugin's replies differ by protocol
// (maps, sets, doubles, nulls). node-redis is loaded on first use, so tests that never ask for it do not
// pay for it.

/** A node-redis client on 127.0.0.1:`port` that said HELLO 3, connected; `destroy()` closes it. */
export async function connectResp3(port: number) {
  const { createClient } = await import("redis");
  const client = createClient({ socket: { host: "127.0.0.1", port, reconnectStrategy: false }, RESP: 3 });
  await client.connect();
  return client;
}

export type Resp3Client = Awaited<ReturnType<typeof connectResp3>>;
