// Running another plugin's command (host API 1.1, call_command): build its argument vector, run it,
// read its complete RESP reply (resp-reader.ts walks it). The vector and the reply live in blocks the
// SDK reuses and only grows, so a call allocates nothing once they have reached their working size.
import { call_command, replicate, result_read } from "./host.generated";
import { I64_MAX_CHARS, formatI64 } from "./numbers";

const MIN_BLOCK: usize = 1024;
// Marks an argument whose bytes are in the SDK's copy area: its pointer is an offset there until
// callSend, because the area may move when a later argument grows it.
const COPIED: u32 = 0x80000000;

let table: usize = 0;     // argc (u32 ptr, u32 len) pairs, the layout call_command reads
let tableSize: usize = 0;
let argc: i32 = 0;
let bytes: usize = 0;     // copies of the arguments that are not already in plugin memory
let bytesSize: usize = 0;
let bytesUsed: usize = 0;
let reply: usize = 0;
let replySize: usize = 0;

/** Doubling past the need, so a vector that grows one argument at a time reallocates rarely. */
function grownSize(need: usize): usize {
  return max(need << 1, MIN_BLOCK);
}

/** The block moved to `size` bytes, contents kept (heap.realloc refuses a null block). */
function resize(block: usize, size: usize): usize {
  return block == 0 ? heap.alloc(size) : heap.realloc(block, size);
}

/** Starts a new argument vector (argument 0 is the command name), dropping one not sent. */
export function callBegin(): void {
  argc = 0;
  bytesUsed = 0;
}

function push(ptr: u32, len: u32): void {
  const need = (<usize>argc + 1) << 3;
  if (need > tableSize) {
    tableSize = grownSize(need);
    table = resize(table, tableSize);
  }
  store<u32>(table + (<usize>argc << 3), ptr);
  store<u32>(table + (<usize>argc << 3) + 4, len);
  argc++;
}

/**
 * Adds an argument by reference: the bytes must stay unchanged until the call has run. They may be in
 * callReply(): the host reads the arguments before the reply replaces it.
 */
export function callArg(ptr: usize, len: i32): void {
  push(<u32>ptr, <u32>len);
}

/**
 * Adds an argument of `len` bytes that the caller writes at the returned pointer, valid until the next
 * callArg* (for a key built from parts, a formatted number).
 */
export function callArgSpace(len: i32): usize {
  const need = bytesUsed + <usize>len;
  if (need > bytesSize) {
    bytesSize = grownSize(need);
    bytes = resize(bytes, bytesSize);
  }
  push(<u32>bytesUsed, <u32>len | COPIED);
  bytesUsed = need;
  return bytes + need - <usize>len;
}

/** Adds a copy of `len` bytes at `ptr` (bytes that will change before the call runs). */
export function callArgCopy(ptr: usize, len: i32): void {
  memory.copy(callArgSpace(len), ptr, <usize>len);
}

/** Adds an ASCII string literal: a command name or keyword, `callArgLiteral("LRANGE")`. */
export function callArgLiteral(text: string): void {
  const len = text.length;
  const dst = callArgSpace(len);
  const src = changetype<usize>(text);
  for (let i = 0; i < len; i++) store<u8>(dst + i, <u8>load<u16>(src + (<usize>i << 1)));
}

/** Adds an integer in decimal. */
export function callArgI64(value: i64): void {
  const dst = callArgSpace(I64_MAX_CHARS);
  const len = formatI64(value, dst);
  // Give back the unused tail of the space: the entry just pushed is the last one.
  bytesUsed -= <usize>(I64_MAX_CHARS - len);
  store<u32>(table + (<usize>(argc - 1) << 3) + 4, <u32>len | COPIED);
}

/**
 * Runs the vector; the reply (RESP2, or RESP3 when `resp3`) stays in the host result buffer, to copy
 * where the caller wants it with resultRead(dst). Returns its length. Errors are replies (`-ERR …`).
 * `silent` (host API 1.2): the command raises no keyspace events, the caller raising its own instead.
 * The vector is spent: the next callArg starts a new one.
 */
export function callSend(resp3: bool = false, silent: bool = false): i32 {
  resolveTable();
  const n = call_command(<i32>table, argc, (resp3 ? 1 : 0) | (silent ? 2 : 0));
  callBegin(); // the table was resolved in place: it cannot be sent twice
  return n;
}

/**
 * Logs the vector to the AOF in place of the running command's own line (host API 1.7 replicate: what
 * happened rather than what was received, e.g. `TS.ADD key <the timestamp used> value` for `TS.ADD key *
 * value`). Call it once per line to log; a command that never does is logged as received. The vector is
 * spent, as by callSend.
 */
export function callReplicate(): void {
  resolveTable();
  replicate(<i32>table, argc);
  callBegin();
}

/** Copied arguments' offsets become pointers, now that the copy area no longer moves. */
function resolveTable(): void {
  for (let i = 0; i < argc; i++) {
    const entry = table + (<usize>i << 3);
    const len = load<u32>(entry + 4);
    if (len & COPIED) {
      store<u32>(entry, <u32>bytes + load<u32>(entry));
      store<u32>(entry + 4, len & ~COPIED);
    }
  }
}

/** callSend, then the reply copied to callReply(), valid until the next callRun. Returns its length. */
export function callRun(resp3: bool = false, silent: bool = false): i32 {
  const n = callSend(resp3, silent);
  if (<usize>n > replySize) {
    // Not realloc: the old contents are not needed.
    if (reply != 0) heap.free(reply);
    replySize = grownSize(<usize>n);
    reply = heap.alloc(replySize);
  }
  result_read(<i32>reply);
  return n;
}

/** Where callRun left the last reply. */
export function callReply(): usize {
  return reply;
}
