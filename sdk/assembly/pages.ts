// Page access to demoted values (host API 1.2): read part of a value the host moved to the warm or cold
// tier from its serialized form, without promoting it back into plugin memory. A plugin that uses these
// declares "abi": "1.2" in its plugin.json.

import { page_info, page_read, RESIDENT as STATUS_RESIDENT } from "./host.generated";

/** pageInfo's answer for a value in plugin memory: read it through keyFind. */
export const RESIDENT: f64 = <f64>STATUS_RESIDENT;

/** Serialized length of the key's demoted value; RESIDENT, MISSING or WRONGTYPE otherwise. */
export function pageInfo(ptr: usize, len: i32, type: i32): f64 {
  return page_info(<i32>ptr, len, type);
}

/** Copy up to `n` bytes of the demoted value's serialized form from `offset` to `dst`; the count copied, or a status. */
export function pageRead(ptr: usize, len: i32, type: i32, offset: i64, n: i32, dst: usize): i32 {
  return page_read(<i32>ptr, len, type, <f64>offset, n, <i32>dst);
}
