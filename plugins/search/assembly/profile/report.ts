// FT.PROFILE's profile section, as RediSearch 2.8 prints it (profile.c's Profile_Print): the total,
// parsing and pipeline-creation times in ms, a Warning (a timeout), the iterators (iterators.ts) and the
// result processors, each with its Type, Time and Counter. RESP2: an array of [name, value…] arrays;
// RESP3: a map. The processors are collected first (processorAdd), with names that are literals.
import { protocol, replyArray, replyDouble, replyInt, replyMap, replySimple } from "ferrite-sdk";
import { Index } from "../index-spec";
import { QueryNode } from "../query/node";
import { ERR_TIMEOUT } from "../query/deadline";
import { replyIterators } from "./iterators";

const MAX_PROCESSORS = 16;
const processorNames = new StaticArray<string>(MAX_PROCESSORS);
const processorMs = new StaticArray<f64>(MAX_PROCESSORS);
const processorCounts = new StaticArray<i64>(MAX_PROCESSORS);
let processors = 0;

export function processorsReset(): void { processors = 0; }

export function processorAdd(name: string, us: f64, counter: i64): void {
  if (processors == MAX_PROCESSORS) return;
  processorNames[processors] = name;
  processorMs[processors] = us / 1000;
  processorCounts[processors] = counter;
  processors++;
}

/** Replies the profile of a query over `x` whose tree is `root` (0: none). Times in µs. */
export function replyProfile(x: Index, root: usize, limited: bool, totalUs: f64, parseUs: f64, pipelineUs: f64, timedOut: bool): void {
  const resp3 = protocol() == 3;
  if (resp3) replyMap(6); else replyArray(timedOut ? 6 : 5);
  timing(resp3, "Total profile time", totalUs);
  timing(resp3, "Parsing time", parseUs);
  timing(resp3, "Pipeline creation time", pipelineUs);
  if (resp3) {
    replySimple("Warning");
    replySimple(timedOut ? ERR_TIMEOUT : "None");
  } else if (timedOut) {
    // RESP2 names a warning only when there is one: redis-py 4.3's parser fails on a bare ["Warning"].
    replyArray(2);
    replySimple("Warning");
    replySimple(ERR_TIMEOUT);
  }
  if (resp3) { replySimple("Iterators profile"); replyArray(root == 0 ? 0 : 1); }
  else { replyArray(root == 0 ? 1 : 2); replySimple("Iterators profile"); }
  if (root != 0) replyIterators(x, changetype<QueryNode>(root), limited);
  if (resp3) { replySimple("Result processors profile"); replyArray(processors); }
  else { replyArray(1 + processors); replySimple("Result processors profile"); }
  for (let i = 0; i < processors; i++) {
    if (resp3) replyMap(3); else replyArray(6);
    replySimple("Type"); replySimple(processorNames[i]);
    replySimple("Time"); replyDouble(processorMs[i]);
    replySimple("Counter"); replyInt(processorCounts[i]);
  }
}

function timing(resp3: bool, name: string, us: f64): void {
  if (!resp3) replyArray(2);
  replySimple(name);
  replyDouble(us / 1000);
}
