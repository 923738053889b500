// Reading and writing a client's TCP socket through its libuv handle rather than Node's streams.
// Why: at pipeline depth 1 every request costs one read and one write, and the stream machinery around
// them (readable state, 'data' events, Writable queues, write callbacks) measured 25–35 % of a fixed-reply
// server's throughput (bench/README.md). Node's own net.Socket keeps owning the handle's life cycle
// (close, shutdown, errors); only the data path goes straight to the handle. Where the internal binding is
// missing (another Node major), the streams are used as before.
import type { Socket } from "node:net";

interface StreamHandle {
  onread: (buffer: ArrayBuffer | undefined) => void;
  readStart(): number;
  writeBuffer(req: WriteRequest, data: Buffer): number;
}

interface WriteRequest {
  handle: StreamHandle;
  oncomplete: (status: number) => void;
  async: boolean;
  bytes: number;
  buffer: Buffer;
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

/** Bytes the kernel has not taken yet, per socket written through its handle (CLIENT LIST omem). */
const pending = new WeakMap<Socket, number>();

/**
 * Deliver the socket's bytes to `onData`; on end of stream or a read error the socket is destroyed (its
 * 'close' event follows). The socket must have been accepted with pauseOnConnect.
 */
export function readFrom(socket: Socket, onData: (chunk: Buffer) => void): void {
  const handle = handleOf(socket);
  if (!handle) {
    socket.on("data", onData);
    socket.resume();
    return;
  }
  const state = binding!.streamBaseState;
  handle.onread = (buffer) => {
    const n = state[binding!.kReadBytesOrError];
    if (n < 0 || !buffer) {
      socket.destroy();
      return;
    }
    // libuv reads into a fresh buffer each time, so the view stays valid after this call.
    if (n > 0) onData(Buffer.from(buffer, state[binding!.kArrayBufferOffset], n));
  };
  if (handle.readStart() !== 0) socket.destroy();
}

/** Send `data` (owned by the caller no longer): straight to the kernel when it takes it, else queued by libuv. */
export function writeTo(socket: Socket, data: Buffer): void {
  const handle = handleOf(socket);
  if (!handle) {
    socket.write(data);
    return;
  }
  const req = new binding!.WriteWrap();
  req.handle = handle;
  req.bytes = data.length;
  req.buffer = data; // libuv writes from it until oncomplete
  req.oncomplete = (status) => {
    pending.set(socket, (pending.get(socket) ?? 0) - data.length);
    if (status < 0) socket.destroy();
  };
  req.async = false;
  if (handle.writeBuffer(req, data) !== 0) {
    socket.destroy();
    return;
  }
  if (binding!.streamBaseState[binding!.kLastWriteWasAsync]) pending.set(socket, (pending.get(socket) ?? 0) + data.length);
}

/** Bytes written but not yet taken by the kernel. */
export function pendingBytes(socket: Socket): number {
  return (pending.get(socket) ?? 0) + socket.writableLength;
}
