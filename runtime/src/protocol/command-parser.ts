// Incremental RESP request parser: multibulk and inline requests, with Redis 7's limits and error texts.
// Arguments are reported as (offset, length) views into one reusable buffer, so parsing a command
// allocates nothing.
import { ArgList } from "./arg-list.js";
import { copyBytes } from "./copy-bytes.js";
import { splitInlineArgs } from "./inline-args.js";
import { ProtocolError, QueryBufferLimitError } from "./protocol-errors.js";
import { parseLongLong } from "./resp-integer.js";

export { ProtocolError, QueryBufferLimitError };

export interface ParserLimits {
  /** proto-max-bulk-len: a longer bulk argument is a protocol error. */
  protoMaxBulkLen: number;
  /** client-query-buffer-limit: more unparsed input than this closes the client. */
  clientQueryBufferLimit: number;
}

const CR = 0x0d;
const LF = 0x0a;
const STAR = 0x2a;
const DOLLAR = 0x24;

const INITIAL_CAPACITY = 16 * 1024; // PROTO_IOBUF_LEN
/** An idle client's buffer once released: the next input allocates a fresh one. */
const RELEASED = Buffer.alloc(0);
// resize() leaves alone a buffer wasting less than this, and trims a busy one only above the threshold.
const RESIZE_MIN_FREE = 4 * 1024;
const PROTO_RESIZE_THRESHOLD = 32 * 1024;
const MAX_UNTERMINATED_LINE = 64 * 1024; // PROTO_INLINE_MAX_SIZE
const BIG_ARG = 32 * 1024; // PROTO_MBULK_BIG_ARG
// A socket chunk may end a big argument and carry up to 64 KiB of the next commands; reserving that
// much beyond the argument keeps the tail from doubling a buffer sized for hundreds of megabytes.
const BIG_ARG_SLACK = 64 * 1024;
// Above this, a buffer left mostly empty after a batch goes back to a small one.
const SHRINK_ABOVE = 1024 * 1024;
// Offsets are Int32: one buffer cannot pass 2 GiB.
const MAX_CAPACITY = 0x7fffffff;
const MAX_MULTIBULK_COUNT = 0x7fffffff; // INT_MAX, as redis-server 7 checks
// Before AUTH, Redis refuses requests big enough to be an amplification attack.
const UNAUTHENTICATED_MAX_COUNT = 10;
const UNAUTHENTICATED_MAX_BULK = 16384;

export class CommandParser {
  /** Holds the current command's argument bytes; replaced when the input outgrows it. */
  buf: Buffer = Buffer.allocUnsafeSlow(INITIAL_CAPACITY);
  /** Arguments of the command the last next() returned; always at least 1 after a `true`. */
  argc = 0;
  /** While true (client not yet authenticated) big requests are refused, as Redis does. */
  authRequired = false;

  private readonly args = new ArgList();
  // Bytes before commandStart are consumed; [scan, end) are received but not parsed yet.
  private commandStart = 0;
  private scan = 0;
  private end = 0;
  private pendingBulks = 0; // 0 between commands
  private lastCommandStart = 0; // where the command next() last returned begins, for unread()
  private bulkLen = -1; // -1 until the pending bulk's "$<len>" header is read
  private peak = 0; // the most bytes held since the last resize(): Redis's querybuf_peak

  constructor(public limits: ParserLimits) {}

  get argOffset(): Int32Array {
    return this.args.offset;
  }

  get argLength(): Int32Array {
    return this.args.length;
  }

  /**
   * Appends received bytes, `chunk[0, length)` (copied: the socket layer reuses its read buffer); throws
   * QueryBufferLimitError when the unparsed input is over the limit.
   */
  feed(chunk: Uint8Array, length = chunk.length): void {
    const unparsed = this.end - this.scan + length;
    if (unparsed > this.limits.clientQueryBufferLimit) {
      throw new QueryBufferLimitError(unparsed, this.limits.clientQueryBufferLimit);
    }
    if (this.end + length > this.buf.length) this.makeRoom(length);
    copyBytes(chunk, 0, length, this.buf, this.end);
    this.end += length;
    if (this.end > this.peak) this.peak = this.end;
  }

  /**
   * Parses one command. Returns false when more bytes are needed; throws ProtocolError on malformed
   * input, after which the parser is unusable (Redis closes the connection). Empty requests (a blank
   * inline line, `*0`, `*-1`) are skipped here, so a `true` always comes with argc >= 1.
   */
  next(): boolean {
    this.argc = 0;
    if (this.pendingBulks === 0) {
      this.args.count = 0;
      if (!this.startCommand()) return false;
    }
    if (this.pendingBulks > 0 && !this.readBulks()) return false;
    this.argc = this.args.count;
    this.lastCommandStart = this.commandStart;
    this.commandStart = this.scan;
    return true;
  }

  /** Gives back the command next() just returned: the next call returns it again (a client CLIENT PAUSE holds). */
  unread(): void {
    this.scan = this.commandStart = this.lastCommandStart;
    this.argc = this.args.count = 0;
  }

  /** Drops consumed bytes, moving a partly received command to the front of the buffer. */
  compact(): void {
    if (this.commandStart === this.end) {
      this.commandStart = this.scan = this.end = 0;
    } else if (this.commandStart > 0) {
      this.relocate(this.buf.length);
    }
    const needed = this.neededCapacity();
    if (this.buf.length > SHRINK_ABOVE && needed <= this.buf.length / 4) {
      this.relocate(Math.max(INITIAL_CAPACITY, needed * 2));
    }
  }

  /** Received bytes not part of a complete command yet (what a torn AOF tail leaves). */
  unconsumedBytes(): number {
    return this.end - this.commandStart;
  }

  /** Received bytes not parsed yet: what client-query-buffer-limit applies to. */
  bufferedBytes(): number {
    return this.end - this.scan;
  }

  /** Bytes the buffer holds, the running batch's commands included until it is compacted: Redis's qbuf. */
  heldBytes(): number {
    return this.end;
  }

  /**
   * Redis's clientsCronResizeQueryBuffer, from the server's cron between batches: an idle client's buffer
   * shrinks to what it holds (nothing, usually: idle connections then hold no 16 KiB each); a busy one
   * over 32 KiB and twice its recent peak (a big argument went by) shrinks to that peak.
   */
  resize(idle: boolean): void {
    const needed = this.neededCapacity();
    if (this.buf.length - needed > RESIZE_MIN_FREE) {
      if (idle) {
        if (needed === 0) {
          this.commandStart = this.scan = this.end = 0;
          this.buf = RELEASED;
        } else {
          this.relocate(needed);
        }
      } else if (this.buf.length > PROTO_RESIZE_THRESHOLD && this.buf.length / 2 > this.peak) {
        this.relocate(Math.max(needed, this.peak));
      }
    }
    this.peak = needed;
  }

  /** Skips empty requests; true once a command with arguments has started. */
  private startCommand(): boolean {
    while (this.scan < this.end) {
      const started = this.buf[this.scan] === STAR ? this.readMultibulkHeader() : this.readInline();
      if (!started) return false;
      if (this.pendingBulks > 0 || this.args.count > 0) return true;
      this.commandStart = this.scan;
    }
    return false;
  }

  private readMultibulkHeader(): boolean {
    const cr = this.findCr();
    if (cr < 0) {
      if (this.end - this.scan > MAX_UNTERMINATED_LINE) {
        throw new ProtocolError("Protocol error: too big mbulk count string");
      }
      return false;
    }
    // Like Redis, the byte after '\r' is skipped unchecked, but it must have arrived.
    if (cr + 1 >= this.end) return false;
    const count = parseLongLong(this.buf, this.scan + 1, cr);
    if (!(count <= MAX_MULTIBULK_COUNT)) throw new ProtocolError("Protocol error: invalid multibulk length");
    if (count > UNAUTHENTICATED_MAX_COUNT && this.authRequired) {
      throw new ProtocolError("Protocol error: unauthenticated multibulk length");
    }
    this.scan = cr + 2;
    this.pendingBulks = count > 0 ? count : 0;
    return true;
  }

  private readInline(): boolean {
    const buf = this.buf;
    let newline = -1;
    // Redis finds the line end with strchr, which stops at a NUL byte: such a line never ends.
    for (let i = this.scan; i < this.end; i++) {
      if (buf[i] === LF) {
        newline = i;
        break;
      }
      if (buf[i] === 0) break;
    }
    if (newline < 0) {
      if (this.end - this.scan > MAX_UNTERMINATED_LINE) {
        throw new ProtocolError("Protocol error: too big inline request");
      }
      return false;
    }
    const lineEnd = newline > this.scan && buf[newline - 1] === CR ? newline - 1 : newline;
    splitInlineArgs(buf, this.scan, lineEnd, this.args);
    this.scan = newline + 1;
    return true;
  }

  private readBulks(): boolean {
    while (this.pendingBulks > 0) {
      if (this.bulkLen < 0 && !this.readBulkHeader()) return false;
      if (this.end - this.scan < this.bulkLen + 2) return false;
      this.args.push(this.scan, this.bulkLen);
      // The two bytes after the data are skipped unchecked, as Redis does.
      this.scan += this.bulkLen + 2;
      this.bulkLen = -1;
      this.pendingBulks--;
    }
    return true;
  }

  private readBulkHeader(): boolean {
    const cr = this.findCr();
    if (cr < 0) {
      if (this.end - this.scan > MAX_UNTERMINATED_LINE) {
        throw new ProtocolError("Protocol error: too big bulk count string");
      }
      return false;
    }
    if (cr + 1 >= this.end) return false;
    const first = this.buf[this.scan];
    if (first !== DOLLAR) {
      // Redis blanks CR and LF out of an error line; the byte is echoed raw otherwise.
      const shown = first === CR || first === LF ? " " : String.fromCharCode(first);
      throw new ProtocolError(`Protocol error: expected '$', got '${shown}'`);
    }
    const len = parseLongLong(this.buf, this.scan + 1, cr);
    if (!(len >= 0 && len <= this.limits.protoMaxBulkLen)) {
      throw new ProtocolError("Protocol error: invalid bulk length");
    }
    if (len > UNAUTHENTICATED_MAX_BULK && this.authRequired) {
      throw new ProtocolError("Protocol error: unauthenticated bulk length");
    }
    this.scan = cr + 2;
    this.bulkLen = len;
    // Size the buffer for a big argument once, instead of doubling it while the bytes trickle in.
    if (len >= BIG_ARG && this.neededCapacity() > this.buf.length - this.commandStart) {
      this.relocate(Math.min(MAX_CAPACITY, this.neededCapacity() + BIG_ARG_SLACK));
    }
    return true;
  }

  /** Index of the next '\r' from `scan`, or -1 if none arrived (or a NUL came first, as with strchr). */
  private findCr(): number {
    const buf = this.buf;
    for (let i = this.scan; i < this.end; i++) {
      const c = buf[i];
      if (c === CR) return i;
      if (c === 0) return -1;
    }
    return -1;
  }

  /** Bytes from the current command's start that the buffer must hold, counting a bulk still arriving. */
  private neededCapacity(): number {
    const bulkEnd = this.bulkLen >= 0 ? this.scan + this.bulkLen + 2 : 0;
    return Math.max(this.end, bulkEnd) - this.commandStart;
  }

  private makeRoom(extra: number): void {
    const needed = this.end - this.commandStart + extra;
    if (needed > MAX_CAPACITY) throw new QueryBufferLimitError(needed, MAX_CAPACITY);
    if (needed <= this.buf.length) this.relocate(this.buf.length);
    else this.relocate(Math.min(MAX_CAPACITY, Math.max(needed, this.buf.length * 2, INITIAL_CAPACITY)));
  }

  /** Moves the unconsumed bytes to offset 0 of a buffer of `capacity` bytes (the same one if equal). */
  private relocate(capacity: number): void {
    const shift = this.commandStart;
    if (capacity === this.buf.length) {
      this.buf.copyWithin(0, shift, this.end);
    } else {
      const next = Buffer.allocUnsafeSlow(capacity);
      this.buf.copy(next, 0, shift, this.end);
      this.buf = next;
    }
    this.commandStart = 0;
    this.scan -= shift;
    this.end -= shift;
    this.args.shift(shift);
  }
}
