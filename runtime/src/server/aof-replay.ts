// Replaying an incremental AOF file: its commands run through the same dispatch as clients' (a client
// with no socket), so every plugin command replays without the host knowing it. A torn last command is
// what a crash mid-write leaves: with aof-load-truncated the file is cut back to the last whole command
// and loading goes on, as Redis does; otherwise the server refuses to start. A MULTI whose EXEC never
// made it to the file counts as torn from the MULTI on (Redis's "Revert incomplete MULTI/EXEC").
import type { CommandServer as Server } from "../command/command-table.js";
import { closeSync, fstatSync, ftruncateSync, openSync, readSync } from "node:fs";
import type { Socket } from "node:net";
import { Client } from "./client.js";
import { execute } from "./dispatch.js";
import { ProtocolError } from "../protocol/command-parser.js";
import { log } from "../log.js";
import { ProgressLog } from "../persistence/progress.js";
import { LoadRefused } from "../persistence/snapshot-load.js";

const CHUNK = 1 << 20;
/** "*1\r\n$5\r\nMULTI\r\n", as aof-writer.ts writes it. */
const MULTI_BYTES = 15;
const NO_SOCKET = { remoteAddress: "", remotePort: 0, localAddress: "", localPort: 0, destroyed: true } as unknown as Socket;

/** A client whose commands come from a file; its replies are looked at for errors and dropped. */
function fileClient(server: Server): Client {
  return new Client(0, NO_SOCKET, { protoMaxBulkLen: 2 ** 53, clientQueryBufferLimit: 2 ** 53 }, false, server.observability.errors);
}

/** Replay `path`; `last`: it is the newest file, the only one a crash can have torn. Returns commands run. */
export function replayAof(server: Server, path: string, last: boolean): number {
  const fd = openSync(path, last ? "r+" : "r");
  const client = fileClient(server);
  client.user = server.acl.replayUser;
  client.replaying = true;
  const size = fstatSync(fd).size;
  const progress = new ProgressLog(`append only file ${path}`);
  const chunk = Buffer.allocUnsafe(CHUNK);
  let fed = 0;
  let commands = 0;
  let errors = 0;
  let openMulti = -1; // file offset of a MULTI not yet closed by EXEC
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, CHUNK, fed);
      if (n === 0) break;
      fed += n;
      client.parser.feed(chunk.subarray(0, n));
      server.callContext.freezeClock();
      while (client.parser.next()) {
        const name = client.argc() === 1 ? client.argString(0).toLowerCase() : "";
        if (name === "multi") openMulti = fed - client.parser.unconsumedBytes() - MULTI_BYTES;
        else if (name === "exec") openMulti = -1;
        execute(server, client);
        commands++;
        if (client.writer.pos > 0 && client.writer.buf[0] === 0x2d) errors++;
        client.writer.rollback(0);
      }
      client.parser.compact();
      server.keyspace.tiers.step(Infinity); // as a snapshot load does: never all of it hot at once
      progress.at(fed, size);
    }
  } catch (e) {
    closeSync(fd);
    if (e instanceof ProtocolError) throw new LoadRefused(`Bad file format reading the append only file ${path}: ${e.message}`);
    throw e;
  }
  const torn = client.parser.unconsumedBytes();
  try {
    if (openMulti >= 0) cutTornTail(server, fd, path, openMulti, last);
    else if (torn > 0) cutTornTail(server, fd, path, size - torn, last);
  } finally {
    closeSync(fd);
  }
  if (errors) log("warning", `${errors} commands replayed from ${path} answered an error (kept going, as Redis does)`);
  return commands;
}

function cutTornTail(server: Server, fd: number, path: string, validUpTo: number, last: boolean): void {
  log("warning", `!!! Warning: short read while loading the AOF file ${path}!!!`);
  if (!last || !server.config.bool("aof-load-truncated"))
    throw new LoadRefused(`Unexpected end of file reading the append only file ${path}. You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.`);
  ftruncateSync(fd, validUpTo);
  log("warning", `AOF ${path} loaded anyway because aof-load-truncated is enabled (truncated to ${validUpTo} bytes)`);
}
