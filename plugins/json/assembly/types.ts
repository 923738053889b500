// The type callbacks for ReJSON-RL values. A document is saved as its compact JSON text (encver 1):
// the text keeps what the tree holds — integers without a point, floats always with one or with an
// exponent — so loading it back gives the same tree, and the format needs no versioning of its own.
import { ByteBuilder, LOAD_FAILED, saveWrite } from "ferrite-sdk";
import { docBytes, docFree, docNew, docRoot } from "./document";
import { isPacked, liveBytes, nodeCopy } from "./node";
import { packedBlock, parsePacked } from "./parse";
import { COMPACT, writeNode } from "./serialize";

const ENCVER: i32 = 1;
/** Its own builder: a save may run while a command is building a reply. */
const saveOut = new ByteBuilder();

export function ferrite_type_free(_type: i32, handle: f64): void { docFree(<usize>handle); }

export function ferrite_type_save(_type: i32, handle: f64): void {
  saveOut.reset();
  writeNode(saveOut, docRoot(<usize>handle), COMPACT);
  saveWrite(<i32>saveOut.ptr, saveOut.len);
}

export function ferrite_type_load(_type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER) return LOAD_FAILED;
  const mark = liveBytes;
  const root = parsePacked(ptr, len);
  if (root == 0) return LOAD_FAILED;
  return <f64>docNew(root, mark);
}

export function ferrite_type_copy(_type: i32, handle: f64): f64 {
  const mark = liveBytes;
  const root = docRoot(<usize>handle);
  // A packed document is copied as one block (its size is the block's, less its 4-byte header).
  const copy = isPacked(root) ? packedBlock(root, <i32>load<u32>(root - 4) - 4) : nodeCopy(root);
  return <f64>docNew(copy, mark);
}

export function ferrite_type_memory(_type: i32, handle: f64): f64 { return <f64>docBytes(<usize>handle); }

export function ferrite_type_encoding(_type: i32, _handle: f64): i32 { return 0; }
