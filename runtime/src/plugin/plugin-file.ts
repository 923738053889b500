// Reading a plugin's .wasm file, for MODULE LOAD, --loadmodule and a restart's reload alike. The path is
// opened once, non-blocking (a named pipe with no writer cannot hang the open), and every check is made
// on that same descriptor (no check-then-open race): a regular file, no larger than
// plugin-max-file-size, starting with the wasm magic and version. Only then is its size allocated, so
// `/dev/zero`, a FIFO or a directory is refused at once and a huge file before it costs any memory.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { open } from "node:fs/promises";
import { checkWasmHeader, WASM_HEADER_BYTES } from "./wasm/inspect.js";
import { LoadError } from "./load-error.js";

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a named pipe";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

/** The file's size once it is known to be a regular file under the cap. */
function checkedSize(st: Stats, maxBytes: number): number {
  if (!st.isFile()) throw new LoadError(`not a regular file (${kindOf(st)})`);
  if (st.size > maxBytes) throw new LoadError(`the file is ${st.size} bytes, more than plugin-max-file-size (${maxBytes})`);
  if (st.size < WASM_HEADER_BYTES) throw new LoadError(`the file is ${st.size} bytes, too short for a WebAssembly module`);
  return st.size;
}

/** "ENOENT: no such file or directory, open '/x'" → "cannot open: no such file or directory". */
function openFailure(e: unknown): LoadError {
  const text = (e as Error).message.replace(/^[A-Z]+: /, "").replace(/, open '.*'$/s, "");
  return new LoadError(`cannot open the file: ${text}`);
}

/** Reads of a regular file return what it holds; fewer bytes means it shrank under us. */
function expectRead(read: number, wanted: number): void {
  if (read !== wanted) throw new LoadError("the file changed while it was being read");
}

/** The header read, and refused unless it is core wasm: only now is the whole size allocated, header copied in. */
function bufferAfter(header: Buffer, read: number, size: number): Buffer {
  expectRead(read, WASM_HEADER_BYTES);
  checkWasmHeader(header);
  const wasm = Buffer.allocUnsafe(size);
  header.copy(wasm);
  return wasm;
}

/** Startup's reader (--loadmodule, built-in plugins, a restart's reload): synchronous, with the same checks. */
export function readPluginFileSync(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    throw openFailure(e);
  }
  try {
    const size = checkedSize(fstatSync(fd), maxBytes);
    const header = Buffer.alloc(WASM_HEADER_BYTES);
    const wasm = bufferAfter(header, readSync(fd, header, 0, WASM_HEADER_BYTES, 0), size);
    for (let at = WASM_HEADER_BYTES; at < size; ) {
      const n = readSync(fd, wasm, at, size - at, at);
      if (n === 0) expectRead(at, size);
      at += n;
    }
    return wasm;
  } finally {
    closeSync(fd);
  }
}

/** MODULE LOAD's reader: the same checks, the reads on libuv's thread pool so the event loop keeps serving. */
export async function readPluginFile(path: string, maxBytes: number): Promise<Buffer> {
  const file = await open(path, OPEN_FLAGS).catch((e: unknown) => {
    throw openFailure(e);
  });
  try {
    const size = checkedSize(await file.stat(), maxBytes);
    const header = Buffer.alloc(WASM_HEADER_BYTES);
    const wasm = bufferAfter(header, (await file.read(header, 0, WASM_HEADER_BYTES, 0)).bytesRead, size);
    for (let at = WASM_HEADER_BYTES; at < size; ) {
      const { bytesRead } = await file.read(wasm, at, size - at, at);
      if (bytesRead === 0) expectRead(at, size);
      at += bytesRead;
    }
    return wasm;
  } finally {
    await file.close();
  }
}
