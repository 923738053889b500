// The Node floor: a server with Ferrite's own socket handling, RESP parser and reply writer, but no
// keyspace and no plugins — each command gets a fixed reply of the right shape. What Ferrite loses
// against it is the cost of everything past the protocol; what it loses against redis-server is, at
// least, the cost of Node's event loop and JavaScript, which no data structure can win back.
// Usage: node dist/bench/macro/floor-server.js --port P
import { createServer } from "node:net";
import { readFrom, writeFrom } from "../../runtime/src/server/socket-io.js";
import { CommandParser } from "../../runtime/src/protocol/command-parser.js";
import { ReplyWriter } from "../../runtime/src/protocol/reply-writer.js";

const VALUE = Buffer.from("xxx");
const STREAM_ID = Buffer.from("1700000000000-0");
/** As many members as the throughput phase's ZRANGE reads. */
const RANGE_LENGTH = 10;
const port = Number(process.argv[process.argv.indexOf("--port") + 1]);

/** The reply each command of the throughput phase gets from redis-server, in shape (OK for the rest). */
function reply(writer: ReplyWriter, command: string): void {
  switch (command) {
    case "get":
    case "lpop":
      return writer.bulk(VALUE, 0, VALUE.length);
    case "incr":
    case "hset":
    case "lpush":
    case "sadd":
    case "zadd":
      return writer.int(1);
    case "xadd":
      return writer.bulk(STREAM_ID, 0, STREAM_ID.length);
    case "zrange":
      writer.array(RANGE_LENGTH);
      for (let i = 0; i < RANGE_LENGTH; i++) writer.bulk(VALUE, 0, VALUE.length);
      return;
    case "config": // redis-benchmark asks CONFIG GET at start
      return writer.array(0);
    default:
      return writer.ok();
  }
}

createServer({ noDelay: true, pauseOnConnect: true }, (socket) => {
  const parser = new CommandParser({ protoMaxBulkLen: 512 * 1024 * 1024, clientQueryBufferLimit: 1024 * 1024 * 1024 });
  const writer = new ReplyWriter();
  readFrom(socket, (chunk, length) => {
    parser.feed(chunk, length);
    while (parser.next()) {
      const at = parser.argOffset[0];
      reply(writer, parser.buf.toString("latin1", at, at + parser.argLength[0]).toLowerCase());
    }
    parser.compact();
    writeFrom(socket, writer);
  });
  socket.on("error", () => socket.destroy());
}).listen(port, "127.0.0.1");
