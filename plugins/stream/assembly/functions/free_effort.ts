// free_effort (ADR 0050): Redis's lazyfreeGetFreeEffort for a stream: one per node of entries, and for
// consumer groups, each group and (estimated from the first group's, as Redis does) its pending entries.
import { freeEffortHandle } from "ferrite-sdk";
import { Group } from "../group";
import { Stream } from "../stream";
import { vecPtr } from "../vec";

export function call(input: usize, len: i32): i32 {
  const handle = freeEffortHandle(input, len);
  if (handle == 0) return 1;
  const s = changetype<Stream>(handle);
  let effort = s.blocks.len;
  if (s.groups.len > 0) effort += s.groups.len * (1 + changetype<Group>(vecPtr(s.groups, 0)).pel.len);
  return effort;
}
