// A connection's output buffer: replies encoded for the client's protocol (RESP2 or RESP3), written
// in place so a command's replies cost no allocation until the batch is handed to the socket.
import { formatDouble } from "./format-double.js";
import { copyBytes } from "./copy-bytes.js";

const INITIAL_CAPACITY = 16 * 1024;
// take() replaces a buffer that grew past this, so one huge reply does not pin memory for good.
const KEEP_AT_MOST = 1024 * 1024;
const MAX_INT32 = 0x7fffffff;
const MAX_HEADER_BYTES = 20; // type, '-', 16 digits of a safe integer, CRLF
// Below these lengths a JavaScript loop beats a native call (and, for bytes, the view it needs).
const SHORT_STRING = 24;

const SIMPLE = 0x2b; // +
const ERROR = 0x2d; // -
const INTEGER = 0x3a; // :
const BULK = 0x24; // $
const ARRAY = 0x2a; // *
const MAP = 0x25; // %
const SET = 0x7e; // ~
const PUSH = 0x3e; // >
const NULL = 0x5f; // _
const DOUBLE = 0x2c; // ,
const BOOLEAN = 0x23; // #
const BIG_NUMBER = 0x28; // (
const VERBATIM = 0x3d; // =

/** Where a writer counts the error replies it writes: the server's INFO errorstats and total_error_replies. */
export interface ErrorCounter {
  record(text: string): void;
}

/** What hears of the buffers a writer drops (a client's writer: memory/released-buffers.ts). */
export interface DroppedBuffers {
  note(bytes: number): void;
}

/** For a writer whose errors no server counts (tests, benchmarks, scratch encoders). */
export const UNCOUNTED: ErrorCounter = { record: () => undefined };

export class ReplyWriter {
  proto: 2 | 3 = 2;
  buf: Buffer = Buffer.allocUnsafeSlow(INITIAL_CAPACITY);
  pos = 0;
  /** The last pendingView(), kept while it still fits: a view is an allocation, and replies repeat. */
  private view: Buffer | null = null;

  /** `errors` counts its error replies; `released` hears of every buffer it drops. */
  constructor(
    private readonly errors: ErrorCounter = UNCOUNTED,
    private readonly released: DroppedBuffers | null = null,
  ) {}

  /** The pending output, buf[0, pos), as a Buffer (reused while its length repeats, as a client's often does). */
  pendingView(): Buffer {
    const v = this.view;
    if (v !== null && v.length === this.pos) return v;
    return (this.view = this.buf.subarray(0, this.pos));
  }

  /** `dropped`: the old buffer is garbage now (not handed to a write still in progress). */
  private replaceBuffer(next: Buffer, dropped: boolean): void {
    if (dropped) this.dropped(this.buf.length);
    this.buf = next;
    this.view = null;
  }

  simple(s: string): void {
    this.typedText(SIMPLE, s);
  }

  /** Byte by byte: every SET answers it, and typedText's checks are for arbitrary text. */
  ok(): void {
    this.ensure(5);
    const buf = this.buf;
    const p = this.pos;
    buf[p] = SIMPLE;
    buf[p + 1] = 0x4f; // O
    buf[p + 2] = 0x4b; // K
    buf[p + 3] = 0x0d;
    buf[p + 4] = 0x0a;
    this.pos = p + 5;
  }

  /** `s` carries its own code: error("ERR unknown command ...") writes "-ERR unknown command ...". */
  error(s: string): void {
    this.errors.record(s);
    this.typedText(ERROR, s);
  }

  int(n: number): void {
    this.header(INTEGER, n);
  }

  bigint(n: bigint): void {
    if (n >= -9007199254740991n && n <= 9007199254740991n) this.header(INTEGER, Number(n));
    else this.typedText(INTEGER, n.toString());
  }

  bulk(src: Uint8Array, off: number, len: number): void {
    this.header(BULK, len);
    this.ensure(len + 2);
    copyBytes(src, off, len, this.buf, this.pos);
    this.pos += len;
    this.crlf();
  }

  /** Server-generated text, sent as UTF-8. */
  bulkString(s: string): void {
    const len = isShortAscii(s) ? s.length : Buffer.byteLength(s, "utf8");
    this.header(BULK, len);
    this.ensure(len + 2);
    this.pos += len === s.length ? this.writeLatin1(s) : this.buf.write(s, this.pos, len, "utf8");
    this.crlf();
  }

  /** A string holding raw bytes one per char (key names, values decoded as latin1). */
  bulkLatin1(s: string): void {
    this.header(BULK, s.length);
    this.ensure(s.length + 2);
    this.pos += this.writeLatin1(s);
    this.crlf();
  }

  null(): void {
    if (this.proto === 3) this.nullType();
    else this.header(BULK, -1);
  }

  nullArray(): void {
    if (this.proto === 3) this.nullType();
    else this.header(ARRAY, -1);
  }

  array(n: number): void {
    this.header(ARRAY, n);
  }

  /** n key/value pairs: a RESP3 map, or a flat array of 2n items in RESP2. */
  map(n: number): void {
    if (this.proto === 3) this.header(MAP, n);
    else this.header(ARRAY, n * 2);
  }

  set(n: number): void {
    this.header(this.proto === 3 ? SET : ARRAY, n);
  }

  push(n: number): void {
    this.header(this.proto === 3 ? PUSH : ARRAY, n);
  }

  double(d: number): void {
    if (this.proto === 3) this.typedText(DOUBLE, formatDouble(d));
    else this.bulkLatin1(formatDouble(d));
  }

  /** A double in the caller's own text format: RESP3 ",", a bulk string in RESP2. */
  doubleText(text: string): void {
    if (this.proto === 3) this.typedText(DOUBLE, text);
    else this.bulkLatin1(text);
  }

  bool(b: boolean): void {
    if (this.proto === 3) this.typedText(BOOLEAN, b ? "t" : "f");
    else this.header(INTEGER, b ? 1 : 0);
  }

  /** A decimal string of any size: RESP3 "(" type, a bulk string in RESP2 (as Redis does). */
  bigNumber(s: string): void {
    if (this.proto === 3) this.typedText(BIG_NUMBER, s);
    else this.bulkLatin1(s);
  }

  /** RESP3 verbatim string "=<len>\r\n<fmt>:<text>"; a plain bulk string in RESP2. */
  verbatim(text: string | Uint8Array, format = "txt"): void {
    const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
    if (this.proto === 2) {
      this.bulk(bytes, 0, bytes.length);
      return;
    }
    this.header(VERBATIM, bytes.length + 4);
    this.ensure(bytes.length + 6);
    this.pos += this.writeLatin1(format.slice(0, 3).padEnd(3, " "));
    this.buf[this.pos++] = 0x3a;
    copyBytes(bytes, 0, bytes.length, this.buf, this.pos);
    this.pos += bytes.length;
    this.crlf();
  }

  /** Bytes already encoded as RESP (a cached reply, a script's reply...). */
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    copyBytes(bytes, 0, bytes.length, this.buf, this.pos);
    this.pos += bytes.length;
  }

  mark(): number {
    return this.pos;
  }

  /** Discards everything written after `mark` (a command that failed midway). */
  rollback(mark: number): void {
    this.pos = mark;
  }

  /** A copy of the pending output; the writer starts over, keeping its buffer. */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.pos);
    this.buf.copy(out, 0, 0, this.pos);
    this.sent();
    return out;
  }

  /** The pending output is gone (the kernel took it): start over in the same buffer. */
  sent(): void {
    this.pos = 0;
    if (this.buf.length > KEEP_AT_MOST) this.replaceBuffer(Buffer.allocUnsafeSlow(INITIAL_CAPACITY), true);
  }

  /** The pending output stays with a write still in progress, which reads the buffer: go on in a new one. */
  handOff(): void {
    this.pos = 0;
    this.replaceBuffer(Buffer.allocUnsafeSlow(INITIAL_CAPACITY), false);
  }

  /** A buffer of `bytes` this writer had (its own, or one a finished write held) is garbage now. */
  dropped(bytes: number): void {
    this.released?.note(bytes);
  }

  /** The client is gone: its buffer is garbage. */
  close(): void {
    this.pos = 0;
    this.dropped(this.buf.length);
  }

  /** `type` + decimal n + CRLF, digit by digit. */
  private header(type: number, n: number): void {
    if (!Number.isSafeInteger(n)) {
      this.typedText(type, BigInt(Math.trunc(n)).toString());
      return;
    }
    this.ensure(MAX_HEADER_BYTES);
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = type;
    if (n < 0) {
      buf[p++] = 0x2d;
      n = -n;
    }
    p += decimalDigits(n);
    let i = p;
    while (n >= 10) {
      // Int32 division is twice as fast; below 2^53, Math.floor(n / 10) is still exact.
      const q = n > MAX_INT32 ? Math.floor(n / 10) : (n / 10) | 0;
      buf[--i] = 0x30 + (n - q * 10);
      n = q;
    }
    buf[--i] = 0x30 + n;
    buf[p] = 0x0d;
    buf[p + 1] = 0x0a;
    this.pos = p + 2;
  }

  /**
   * A one-line reply. CR and LF become spaces, as Redis does for error texts it formats: a line
   * break from a plugin's text would otherwise let it forge further replies.
   */
  private typedText(type: number, s: string): void {
    this.ensure(s.length * 3 + 3);
    const buf = this.buf;
    buf[this.pos++] = type;
    const start = this.pos;
    this.pos += isShortAscii(s) ? this.writeLatin1(s) : buf.write(s, this.pos, "utf8");
    for (let i = start; i < this.pos; i++) if (buf[i] === 0x0d || buf[i] === 0x0a) buf[i] = 0x20;
    this.crlf();
  }

  private nullType(): void {
    this.ensure(3);
    this.buf[this.pos++] = NULL;
    this.crlf();
  }

  /** Writes s one byte per char at pos (room already ensured); returns the byte count. */
  private writeLatin1(s: string): number {
    if (s.length > SHORT_STRING) return this.buf.write(s, this.pos, "latin1");
    const buf = this.buf;
    const p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p + i] = s.charCodeAt(i);
    return s.length;
  }

  private crlf(): void {
    this.ensure(2);
    this.buf[this.pos++] = 0x0d;
    this.buf[this.pos++] = 0x0a;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let capacity = this.buf.length * 2;
    while (capacity < this.pos + n) capacity *= 2;
    const next = Buffer.allocUnsafeSlow(capacity);
    this.buf.copy(next, 0, 0, this.pos);
    this.replaceBuffer(next, true);
  }
}

function decimalDigits(n: number): number {
  if (n < 10) return 1;
  if (n < 100) return 2;
  if (n < 1000) return 3;
  if (n < 10000) return 4;
  if (n < 100000) return 5;
  if (n < 1000000) return 6;
  if (n < 10000000) return 7;
  if (n < 100000000) return 8;
  if (n < 1000000000) return 9;
  let digits = 10;
  for (let rest = Math.floor(n / 1e10); rest >= 1; rest = Math.floor(rest / 10)) digits++;
  return digits;
}

function isShortAscii(s: string): boolean {
  if (s.length > SHORT_STRING) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

