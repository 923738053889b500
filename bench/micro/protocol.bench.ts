// Micro-benchmark of the RESP layer: parsing a 16-deep GET/SET pipeline and writing its replies.
// Run: npx tsc --outDir /tmp/bench ... bench/micro/protocol.bench.ts && node /tmp/bench/bench/micro/protocol.bench.js
import { Bench } from "tinybench";
import { CommandParser } from "../../runtime/src/protocol/command-parser.js";
import { ReplyWriter } from "../../runtime/src/protocol/reply-writer.js";

const DEPTH = 16;
const VALUE = Buffer.alloc(64, 0x76);

function multibulk(args: string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("");
}

const pipeline = Buffer.from(
  Array.from({ length: DEPTH }, (_, i) =>
    i % 2 === 0 ? multibulk(["SET", `key:${100000 + i}`, VALUE.toString()]) : multibulk(["GET", `key:${100000 + i}`]),
  ).join(""),
);

const parser = new CommandParser({ protoMaxBulkLen: 512 * 1024 * 1024, clientQueryBufferLimit: 1024 * 1024 * 1024 });
const writer = new ReplyWriter();
let sink = 0;

function parseBatch(): void {
  parser.feed(pipeline);
  while (parser.next()) sink += parser.argLength[parser.argc - 1];
  parser.compact();
}

function writeBatch(): void {
  for (let i = 0; i < DEPTH; i++) {
    if (i % 2 === 0) writer.ok();
    else writer.bulk(VALUE, 0, VALUE.length);
  }
  sink += writer.take().length;
}

const bench = new Bench({ time: 1000, warmup: true });
bench
  .add(`parse ${DEPTH}-deep GET/SET pipeline`, parseBatch)
  .add(`write ${DEPTH} replies (+OK / 64 B bulk) and take()`, writeBatch)
  .add(`write ${DEPTH} bulk replies, RESP3 map header each`, () => {
    writer.proto = 3;
    for (let i = 0; i < DEPTH; i++) {
      writer.map(1);
      writer.bulk(VALUE, 0, VALUE.length);
      writer.int(i * 1000);
    }
    writer.proto = 2;
    sink += writer.take().length;
  })
  .add("parse + write one batch", () => {
    parseBatch();
    writeBatch();
  });

await bench.run();
for (const task of bench.tasks) {
  const result = task.result;
  if (result.state !== "completed") {
    console.log(`${task.name}: ${result.state}`);
    continue;
  }
  const batches = result.throughput.mean;
  console.log(
    `${task.name.padEnd(52)} ${Math.round(batches).toLocaleString("en-US").padStart(12)} batches/s` +
      `  ${Math.round(batches * DEPTH).toLocaleString("en-US").padStart(14)} commands/s`,
  );
}
if (sink === 0) console.log("unreachable: keeps the work observable");
