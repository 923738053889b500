// free_effort (ADR 0050): Redis's lazyfreeGetFreeEffort for a list: a quicklist's nodes (one
// allocation each), else 1 (a small list is one listpack).
import { freeEffortHandle } from "ferrite-sdk";
import { isQuicklist, listHead } from "../header";
import { nodeNext } from "../node";

export function call(input: usize, len: i32): i32 {
  const l = freeEffortHandle(input, len);
  if (l == 0 || !isQuicklist(l)) return 1;
  let nodes = 0;
  for (let n = listHead(l); n != 0; n = nodeNext(n)) nodes++;
  return nodes;
}
