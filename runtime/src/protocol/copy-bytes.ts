// Byte copies between Uint8Arrays on the request and reply paths, which are mostly a few bytes long.

// Below this length a JavaScript loop beats a native call (and the view it needs).
const SHORT_BYTES = 16;
// ...and below this one it beats allocating that view, which copying part of a buffer needs (a request
// read into the shared socket buffer: 30-50 bytes for a GET or SET).
const SHORT_SLICE = 128;

export function copyBytes(src: Uint8Array, off: number, len: number, dst: Uint8Array, at: number): void {
  if (len <= SHORT_BYTES || (len <= SHORT_SLICE && len !== src.length)) {
    for (let i = 0; i < len; i++) dst[at + i] = src[off + i];
  } else {
    dst.set(off === 0 && len === src.length ? src : src.subarray(off, off + len), at);
  }
}
