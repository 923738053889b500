// The append-only file's write side: commands are encoded as RESP into one buffer. With `always` it is
// written and fdatasynced before the replies of the batch that filled it are sent, so an acknowledged
// write is on disk. With `everysec` and `no` it is written once per turn of the event loop (one write
// for every client served in that turn, where a write per client cost a third of SET throughput), after
// the replies: a kill -9 can lose that last turn, under a millisecond; `everysec` fdatasyncs once a
// second off the event loop, `no` leaves it to the kernel. A failed write keeps the buffer and retries.
import { closeSync, fdatasync, fdatasyncSync, openSync, writeSync } from "node:fs";
import { log } from "../log.js";

export type FsyncPolicy = "always" | "everysec" | "no";

const CRLF = 0x0d0a;

export class AofWriter {
  private buf = Buffer.allocUnsafe(1 << 16);
  private pos = 0;
  /** The database the file's last command ran in (-1: the next command starts with SELECT). */
  private db = -1;
  private unsynced = false;
  private syncing = false;
  private flushQueued = false;
  private readonly queuedFlush = () => {
    this.flushQueued = false;
    this.flush();
  };
  private timer: NodeJS.Timeout;
  lastWriteOk = true;
  lastError = "";
  /** Bytes in the current incremental file (auto rewrite, INFO). */
  size: number;

  constructor(private fd: number, size: number, public policy: FsyncPolicy) {
    this.size = size;
    this.timer = setInterval(() => this.everySecond(), 1000);
    this.timer.unref();
  }

  /** Append one command from an argument table (the parser's, or a blocked client's copy). */
  command(db: number, src: Uint8Array, offsets: Int32Array, lengths: Int32Array, argc: number): void {
    this.select(db);
    this.arrayHeader(argc);
    for (let i = 0; i < argc; i++) this.bulk(src, offsets[i], lengths[i]);
  }

  /** Append one command from separate arguments (effects, PEXPIREAT). */
  args(db: number, argv: readonly (Uint8Array | string)[]): void {
    this.select(db);
    this.unselected(argv);
  }

  /** A command that runs in no particular database (EXEC). */
  unselected(argv: readonly (Uint8Array | string)[]): void {
    this.arrayHeader(argv.length);
    for (const a of argv) {
      const b = typeof a === "string" ? Buffer.from(a, "latin1") : a;
      this.bulk(b, 0, b.length);
    }
  }

  /** Called before replies go out: `always` writes now, the other policies once this turn ends. */
  beforeReply(): void {
    if (this.pos === 0) return;
    if (this.policy === "always") this.flush();
    else if (!this.flushQueued) {
      this.flushQueued = true;
      setImmediate(this.queuedFlush);
    }
  }

  /** Write what is buffered; with `always`, fdatasync too. */
  flush(): void {
    if (this.pos === 0) return;
    let off = 0;
    try {
      while (off < this.pos) off += writeSync(this.fd, this.buf, off, this.pos - off);
      this.size += this.pos;
      this.pos = 0;
      if (this.policy === "always") fdatasyncSync(this.fd);
      else this.unsynced = true;
      if (!this.lastWriteOk) log("warning", "AOF write error looks solved, Ferrite can write again.");
      this.lastWriteOk = true;
    } catch (e) {
      // What was written stays written; the rest is kept and retried (a torn tail is what
      // aof-load-truncated handles if the server dies before the retry succeeds).
      this.buf.copy(this.buf, 0, off, this.pos);
      this.pos -= off;
      this.size += off;
      if (this.lastWriteOk) log("warning", `Error writing to the AOF file: ${(e as Error).message} (will retry)`);
      this.lastWriteOk = false;
      this.lastError = (e as Error).message;
    }
  }

  /** Point at a new incremental file (AOF rewrite): what follows goes there, starting with a SELECT. */
  switchTo(fd: number): number {
    this.flush();
    const old = this.fd;
    this.fd = fd;
    this.db = -1;
    this.size = 0;
    return old;
  }

  /** Flush and fsync now (shutdown, turning the AOF off). */
  close(): void {
    clearInterval(this.timer);
    this.flush();
    try {
      fdatasyncSync(this.fd);
      closeSync(this.fd);
    } catch (e) {
      log("warning", `Error closing the AOF file: ${(e as Error).message}`);
    }
  }

  private everySecond(): void {
    if (!this.lastWriteOk) this.flush();
    if (this.policy !== "everysec" || !this.unsynced || this.syncing) return;
    this.unsynced = false;
    this.syncing = true;
    fdatasync(this.fd, (err) => {
      this.syncing = false;
      if (err) log("warning", `AOF fsync error: ${err.message}`);
    });
  }

  private select(db: number): void {
    if (db === this.db) return;
    this.db = db;
    const name = String(db);
    this.arrayHeader(2);
    this.bulk(Buffer.from("SELECT", "latin1"), 0, 6);
    this.bulk(Buffer.from(name, "latin1"), 0, name.length);
  }

  private arrayHeader(n: number): void {
    this.reserve(16);
    this.buf[this.pos++] = 0x2a; // *
    this.pos += this.buf.write(String(n), this.pos, "latin1");
    this.buf.writeUInt16BE(CRLF, this.pos);
    this.pos += 2;
  }

  private bulk(src: Uint8Array, off: number, len: number): void {
    this.reserve(len + 24);
    const b = this.buf;
    b[this.pos++] = 0x24; // $
    this.pos += b.write(String(len), this.pos, "latin1");
    b.writeUInt16BE(CRLF, this.pos);
    this.pos += 2;
    b.set(src.subarray(off, off + len), this.pos);
    this.pos += len;
    b.writeUInt16BE(CRLF, this.pos);
    this.pos += 2;
  }

  private reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }
}

export function openAppend(path: string): number {
  return openSync(path, "a");
}
