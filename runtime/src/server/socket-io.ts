// Reading and writing a client's TCP socket through its libuv handle rather than Node's streams.
// Why: at pipeline depth 1 every request costs one read and one write, and the stream machinery around
// them (readable state, 'data' events, Writable queues, write callbacks) measured 25–35 % of a fixed-reply
// server's throughput (bench/README.md). Past the streams, what a request still allocated was its I/O:
// a fresh ArrayBuffer per read (libuv's 64 KiB, shrunk), a copy of the replies and a write request per
// write. So every socket reads into one shared buffer (the handle's `useUserBuffer`, what net.Socket's
// `onread` option uses) and a write goes out straight from the client's reply buffer, which is handed
// off only when the kernel did not take it all at once. Node's own net.Socket keeps owning the handle's
// life cycle (close, shutdown, errors); only the data path goes straight to the handle. Where the
// internal binding is missing (another Node major), the streams are used as before.
import type { Socket } from "node:net";
import { readSync } from "node:fs";
import type { ReplyWriter } from "../protocol/reply-writer.js";

interface StreamHandle {
  onread: (buffer: ArrayBuffer | undefined) => void;
  readStart(): number;
  useUserBuffer?(buffer: Uint8Array): void;
  writeBuffer(req: WriteRequest, data: Buffer): number;
}

interface WriteRequest {
  handle: StreamHandle;
  oncomplete: (this: WriteRequest, status: number) => void;
  async: boolean;
  bytes: number;
  buffer: Buffer;
  socket: Socket;
  writer: ReplyWriter;
}

interface StreamWrapBinding {
  WriteWrap: new () => WriteRequest;
  streamBaseState: Int32Array;
  kReadBytesOrError: number;
  kArrayBufferOffset: number;
  kLastWriteWasAsync: number;
}

function loadBinding(): StreamWrapBinding | null {
  try {
    const b = (process as unknown as { binding(name: string): StreamWrapBinding }).binding("stream_wrap");
    return typeof b.WriteWrap === "function" && b.streamBaseState instanceof Int32Array ? b : null;
  } catch {
    return null;
  }
}

const binding = loadBinding();

function handleOf(socket: Socket): StreamHandle | null {
  const handle = (socket as unknown as { _handle?: StreamHandle })._handle;
  return binding && handle && typeof handle.writeBuffer === "function" ? handle : null;
}

/** Every socket reads into this; a chunk is consumed (copied) before the next read can overwrite it. */
const readBuffer = Buffer.allocUnsafeSlow(64 * 1024);

/** Bytes the kernel has not taken yet, per socket written through its handle (CLIENT LIST omem). */
const pending = new WeakMap<Socket, number>();

/**
 * Deliver the socket's bytes to `onData`, as `chunk[0, length)`: valid only during the call (the
 * buffer is reused for the next read). On end of stream or a read error the socket is destroyed (its
 * 'close' event follows). The socket must have been accepted with pauseOnConnect.
 */
export function readFrom(socket: Socket, onData: (chunk: Buffer, length: number) => void): void {
  const handle = handleOf(socket);
  if (!handle) {
    socket.on("data", (chunk: Buffer) => onData(chunk, chunk.length));
    socket.resume();
    return;
  }
  const state = binding!.streamBaseState;
  const shared = typeof handle.useUserBuffer === "function";
  if (shared) handle.useUserBuffer!(readBuffer);
  handle.onread = (buffer) => {
    const n = state[binding!.kReadBytesOrError];
    if (n < 0 || (!shared && !buffer)) {
      socket.destroy();
      return;
    }
    if (n === 0) return;
    if (shared) onData(readBuffer, n);
    else onData(Buffer.from(buffer!, state[binding!.kArrayBufferOffset], n), n);
  };
  if (handle.readStart() !== 0) socket.destroy();
}

/** A write request the kernel finished at once is never seen by libuv again: the next write reuses it. */
let spare: WriteRequest | null = null;

function afterAsyncWrite(this: WriteRequest, status: number): void {
  pending.set(this.socket, (pending.get(this.socket) ?? 0) - this.bytes);
  // Done or cancelled by a close: the handed-off buffer is garbage (its whole allocation, not the view).
  this.writer.dropped(this.buffer.buffer.byteLength);
  if (status < 0) this.socket.destroy();
}

/** Send the writer's pending output: straight to the kernel when it takes it, else queued by libuv. */
export function writeFrom(socket: Socket, writer: ReplyWriter): void {
  const handle = handleOf(socket);
  if (!handle) {
    socket.write(writer.take());
    return;
  }
  const data = writer.pendingView();
  const req = spare ?? new binding!.WriteWrap();
  req.handle = handle;
  req.bytes = data.length;
  req.buffer = data; // libuv writes from it until oncomplete
  req.socket = socket;
  req.writer = writer;
  req.oncomplete = afterAsyncWrite;
  req.async = false;
  if (handle.writeBuffer(req, data) !== 0) {
    spare = null;
    writer.sent();
    socket.destroy();
    return;
  }
  if (binding!.streamBaseState[binding!.kLastWriteWasAsync]) {
    spare = null;
    writer.handOff();
    pending.set(socket, (pending.get(socket) ?? 0) + data.length);
  } else {
    spare = req;
    writer.sent();
  }
}

/** Bytes written but not yet taken by the kernel. */
export function pendingBytes(socket: Socket): number {
  return (pending.get(socket) ?? 0) + socket.writableLength;
}

/**
 * Read what the socket has now into `into`, synchronously, for a server whose event loop cannot turn (a
 * busy script, busy-script.ts): straight from the handle's file descriptor, which libuv polls but does
 * not own the bytes of. 0 when nothing is there, at end of stream (libuv then sees it itself), or when
 * the handle has no descriptor.
 */
export function readNow(socket: Socket, into: Buffer): number {
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (fd === undefined || fd < 0) return 0;
  try {
    return readSync(fd, into, 0, into.length, null);
  } catch {
    return 0; // EAGAIN: nothing to read; a reset connection is libuv's to notice
  }
}
