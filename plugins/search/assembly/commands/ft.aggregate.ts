// FT.AGGREGATE index query [LOAD ...] [GROUPBY ... REDUCE ...] [APPLY ...] [FILTER ...] [SORTBY ...]
// [LIMIT ...] [WITHCURSOR [COUNT n] [MAXIDLE ms]] [PARAMS ...] [DIALECT n] [TIMEOUT ms]: the query's
// matches through the pipeline (aggregate/), replied as RediSearch 2.8 does. The pipeline works in
// managed objects; __collect() frees them when the command ends (a cursor's rows stay reachable).
import { replyError } from "ferrite-sdk";
import { replyChunk } from "../aggregate/cursor-reply";
import { openCursor } from "../aggregate/cursors";
import { openSource } from "../aggregate/index-source";
import { parsePlan, planError } from "../aggregate/parse-plan";
import { replyRows } from "../aggregate/reply";
import { runPlan } from "../aggregate/run-plan";
import { configNumber } from "../ft-config/options";

/** RediSearch's default rows per cursor read. */
const CURSOR_READ_SIZE: i32 = 1000;

function aggregate(argc: i32, argv: usize): void {
  const plan = parsePlan(argv, argc, 3);
  if (plan === null) return replyError(planError);
  const source = openSource(argv, plan);
  if (source === null) return;
  const out = runPlan(plan, source);
  if (out.error.length > 0) return replyError(out.error);
  if (!plan.withCursor) return replyRows(out.rows, 0, out.rows.length, out.total, -1);
  const maxIdleLimit = configNumber("CURSOR_MAX_IDLE");
  const maxIdle = plan.maxIdle > 0 ? min(plan.maxIdle, maxIdleLimit) : maxIdleLimit;
  const count = plan.cursorCount > 0 ? plan.cursorCount : CURSOR_READ_SIZE;
  replyChunk(openCursor(source.index(), out.rows, out.total, count, maxIdle), 0);
}

export function run(argc: i32, argv: usize): void {
  aggregate(argc, argv);
  __collect();
}
