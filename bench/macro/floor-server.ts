// The Node floor: a server with Ferrite's own socket handling, RESP parser and reply writer, but no
// keyspace and no plugins — each command gets a fixed reply of the right shape. What Ferrite loses
// against it is the cost of everything past the protocol; what it loses against redis-server is, at
// least, the cost of Node's event loop and streams, which no data structure can win back.
// Usage: node dist/bench/macro/floor-server.js --port P
import { createServer } from "node:net";
import { CommandParser } from "../../runtime/src/protocol/command-parser.js";
import { ReplyWriter } from "../../runtime/src/protocol/reply-writer.js";

const VALUE = Buffer.from("xxx");
const port = Number(process.argv[process.argv.indexOf("--port") + 1]);

createServer({ noDelay: true }, (socket) => {
  const parser = new CommandParser({ protoMaxBulkLen: 512 * 1024 * 1024, clientQueryBufferLimit: 1024 * 1024 * 1024 });
  const writer = new ReplyWriter();
  socket.on("data", (chunk) => {
    parser.feed(chunk);
    while (parser.next()) {
      const first = parser.buf[parser.argOffset[0]] | 0x20; // the command's first letter, lower case
      if (first === 103) writer.bulk(VALUE, 0, VALUE.length); // get
      else if (first === 105) writer.int(1); // incr
      else if (first === 99) writer.array(0); // config (redis-benchmark asks CONFIG GET at start)
      else writer.ok(); // set, mset, ping
    }
    parser.compact();
    socket.write(writer.take());
  });
  socket.on("error", () => socket.destroy());
}).listen(port, "127.0.0.1");
