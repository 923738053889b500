// A client's open transaction: the commands MULTI queued, each with its own copy of its arguments (the
// parser's buffer is reused by the next command), and whether queuing one of them failed.
import type { CommandArgs } from "../protocol/arg-list.js";
import type { Command } from "../command/command-table.js";
import { deniesOom, mayReplicate, writes } from "../command/call-flags.js";

/** A command waiting for EXEC; it is its own argument source when EXEC runs it. */
export class QueuedCommand implements CommandArgs {
  readonly buf: Buffer;
  readonly argOffset: Int32Array;
  readonly argLength: Int32Array;
  readonly argc: number;

  constructor(readonly command: Command, from: CommandArgs) {
    const argc = from.argc;
    let bytes = 0;
    for (let i = 0; i < argc; i++) bytes += from.argLength[i];
    this.buf = Buffer.allocUnsafe(bytes);
    this.argOffset = new Int32Array(argc);
    this.argLength = from.argLength.slice(0, argc);
    for (let i = 0, at = 0; i < argc; i++) {
      this.argOffset[i] = at;
      at += from.buf.copy(this.buf, at, from.argOffset[i], from.argOffset[i] + from.argLength[i]);
    }
    this.argc = argc;
  }
}

export class MultiState {
  readonly commands: QueuedCommand[] = [];
  /** A command was refused while queuing: EXEC answers EXECABORT (Redis's CLIENT_DIRTY_EXEC). */
  aborted = false;
  /** Bytes held by the queued arguments (CLIENT LIST's multi-mem). */
  bytes = 0;
  /** A queued command may grow memory / writes: EXEC is then refused under maxmemory / MISCONF as they would be. */
  denyoom = false;
  write = false;
  /** A queued command writes or may replicate (PUBLISH, PFCOUNT): CLIENT PAUSE WRITE holds EXEC then. */
  mayReplicate = false;

  queue(command: Command, args: CommandArgs): void {
    // Like Redis, an aborted transaction stops keeping what it will never run.
    if (this.aborted) return;
    const queued = new QueuedCommand(command, args);
    this.commands.push(queued);
    this.bytes += queued.buf.length + 8 * queued.argc;
    // As its run will count: an EVAL's shebang may declare less than the command's flags (command/call-flags.ts).
    this.denyoom ||= deniesOom(command, args);
    this.write ||= writes(command, args);
    this.mayReplicate ||= mayReplicate(command, args);
  }
}
