// What a PSUBSCRIBE `__key*__:*` client sees while a script of commands runs: the keyspace-event stream
// the notification tests compare between Ferrite and redis-server.
import { Redis } from "ioredis";
import { sleep } from "../../helpers/server.js";

/** One script step: a command, a pause in ms (for expiry to happen), or commands that use replies. */
export type Step = (string | number)[] | number | ((r: Redis) => Promise<unknown>);

/** The key whose `set` event closes every run: once it arrives, everything before it has too. */
const END = "__end_of_script__";

/** `channel message` lines, in arrival order, for the script's events (the closing marker left out). */
export async function eventStream(port: number, script: Step[], db = 0): Promise<string[]> {
  const sub = new Redis({ port, host: "127.0.0.1", maxRetriesPerRequest: 0, lazyConnect: true });
  const cmd = new Redis({ port, host: "127.0.0.1", maxRetriesPerRequest: 0, db, lazyConnect: true });
  const lines: string[] = [];
  try {
    await sub.connect();
    await cmd.connect();
    let ended: () => void = () => {};
    const done = new Promise<void>((r) => { ended = r; });
    sub.on("pmessageBuffer", (_p: Buffer, channel: Buffer, message: Buffer) => {
      const line = `${channel.toString("latin1")} ${message.toString("latin1")}`;
      if (line.endsWith(`:set ${END}`)) ended();
      else if (!line.includes(END)) lines.push(line);
    });
    await sub.psubscribe("__key*__:*");
    for (const step of script) {
      if (typeof step === "number") await sleep(step);
      else if (typeof step === "function") await step(cmd);
      else await cmd.call(String(step[0]), ...step.slice(1).map(String)).catch(() => undefined);
    }
    await cmd.set(END, "1");
    await Promise.race([done, sleep(5000)]);
    await cmd.flushall();
    return lines;
  } finally {
    sub.disconnect();
    cmd.disconnect();
  }
}
