// The type callbacks, dispatched on the type index (type-ids.ts). Each type saves in its own format,
// encoding version 1.
import { LOAD_FAILED, saveWrite } from "ferrite-sdk";
import { chainCopy, chainFree, chainMemory } from "./bloom/chain";
import { loadChain, saveChain } from "./bloom/dump";
import { sketchBytes, sketchCopy, sketchLoad, sketchMemory } from "./cms/sketch";
import { cfCopy, cfFree, cfMemory } from "./cuckoo/filter";
import { loadCf, saveCf } from "./cuckoo/dump";
import { tdBytes, tdCopy, tdLoad, tdMemory } from "./tdigest/digest";
import { loadTopk, saveTopk } from "./topk/persist";
import { topkCopy, topkFree, topkMemory } from "./topk/sketch";
import { BF_TYPE, CF_TYPE, CMS_TYPE, TDIGEST_TYPE, TOPK_TYPE } from "./type-ids";

const ENCVER: i32 = 1;

export function ferrite_type_free(type: i32, handle: f64): void {
  const v = <usize>handle;
  if (type == BF_TYPE) chainFree(v);
  else if (type == CMS_TYPE || type == TDIGEST_TYPE) heap.free(v); // one block each
  else if (type == TOPK_TYPE) topkFree(v);
  else if (type == CF_TYPE) cfFree(v);
}

export function ferrite_type_save(type: i32, handle: f64): void {
  const v = <usize>handle;
  if (type == BF_TYPE) saveChain(v);
  else if (type == CMS_TYPE) saveWrite(<i32>v, <i32>sketchBytes(v));
  else if (type == TOPK_TYPE) saveTopk(v);
  else if (type == CF_TYPE) saveCf(v);
  else if (type == TDIGEST_TYPE) saveWrite(<i32>v, <i32>tdBytes(v));
}

export function ferrite_type_load(type: i32, encver: i32, ptr: usize, len: i32): f64 {
  if (encver != ENCVER) return LOAD_FAILED;
  let v: usize = 0;
  if (type == BF_TYPE) v = loadChain(ptr, <usize>len);
  else if (type == CMS_TYPE) v = sketchLoad(ptr, <usize>len);
  else if (type == TOPK_TYPE) v = loadTopk(ptr, <usize>len);
  else if (type == CF_TYPE) v = loadCf(ptr, <usize>len);
  else if (type == TDIGEST_TYPE) v = tdLoad(ptr, <usize>len);
  return v == 0 ? LOAD_FAILED : <f64>v;
}

export function ferrite_type_copy(type: i32, handle: f64): f64 {
  const v = <usize>handle;
  if (type == BF_TYPE) return <f64>chainCopy(v);
  if (type == CMS_TYPE) return <f64>sketchCopy(v);
  if (type == TOPK_TYPE) return <f64>topkCopy(v);
  if (type == CF_TYPE) return <f64>cfCopy(v);
  return <f64>tdCopy(v);
}

export function ferrite_type_memory(type: i32, handle: f64): f64 {
  const v = <usize>handle;
  if (type == BF_TYPE) return <f64>chainMemory(v);
  if (type == CMS_TYPE) return <f64>sketchMemory(v);
  if (type == TOPK_TYPE) return <f64>topkMemory(v);
  if (type == CF_TYPE) return <f64>cfMemory(v);
  return <f64>tdMemory(v);
}

export function ferrite_type_encoding(_type: i32, _handle: f64): i32 { return 0; }
