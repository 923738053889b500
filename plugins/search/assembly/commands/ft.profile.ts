// FT.PROFILE index SEARCH | AGGREGATE [LIMITED] QUERY query [options …]: runs the search or aggregate as
// FT.SEARCH / FT.AGGREGATE would and replies [its reply, its profile] (RESP3: {Results, Profile}), the
// profile as RediSearch 2.8 prints it (profile/report.ts): times on the host's clock_us, the query's
// iterators with their counters, and the result processors.
import { argIs, argLen, argPtr, clockUs, protocol, replyArray, replyError, replyMap, replySimple } from "ferrite-sdk";
import { openSource, aggregateRoot, parseUs as aggregateParseUs, queryUs } from "../aggregate/index-source";
import { parsePlan, planError } from "../aggregate/parse-plan";
import { S_APPLY, S_FILTER, S_GROUPBY, S_LIMIT, S_LOAD } from "../aggregate/plan";
import { replyRows } from "../aggregate/reply";
import { runPlan } from "../aggregate/run-plan";
import { errSend, replyErrorAround } from "../errors";
import { Index } from "../index-spec";
import { timedOut } from "../query/deadline";
import { profileNodes } from "../query/execute";
import { processorAdd, processorsReset, replyProfile } from "../profile/report";
import { findIndex } from "../registry";
import { scanIfNeeded } from "../scan";
import { scratchReset } from "../scratch";
import { matched, orderUs, returned, searchPrepare, searchReply, searchUs } from "../search/search-command";
import { parseUs, pipelineUs, searchRoot } from "../search/run-search";

let started: f64 = 0;

export function run(argc: i32, argv: usize): void {
  started = clockUs();
  scratchReset();
  const x = findIndex(argPtr(argv, 1), argLen(argv, 1));
  if (x == null) { replyErrorAround("", argPtr(argv, 1), argLen(argv, 1), ": no such index"); return; }
  let at = 2;
  const search = argIs(argv, at, "SEARCH");
  if (!search && !argIs(argv, at, "AGGREGATE")) { replyError("No `SEARCH` or `AGGREGATE` provided"); return; }
  at++;
  const limited = at < argc && argIs(argv, at, "LIMITED");
  if (limited) at++;
  if (at + 1 >= argc || !argIs(argv, at, "QUERY")) { replyError("The QUERY keyword is expected"); return; }
  scanIfNeeded(x);
  processorsReset();
  profileNodes(true);
  if (search) profileSearch(x, argc, argv, at + 1, limited);
  else profileAggregate(x, argc, argv, at + 1, limited);
  profileNodes(false);
}

/** The reply's frame: [results, profile] in RESP2, {Results: …, Profile: …} in RESP3. */
function openResults(): void {
  if (protocol() == 3) { replyMap(2); replySimple("Results"); } else replyArray(2);
}

function openProfile(): void {
  if (protocol() == 3) replySimple("Profile");
}

function profileSearch(x: Index, argc: i32, argv: usize, queryAt: i32, limited: bool): void {
  if (!searchPrepare(x, argc, argv, queryAt)) { errSend(); return; }
  openResults();
  const t0 = clockUs();
  searchReply(x, argv);
  const loadUs = clockUs() - t0;
  processorAdd("Index", searchUs, matched);
  processorAdd("Scorer", 0, matched);
  processorAdd("Sorter", orderUs, matched);
  processorAdd("Loader", loadUs, returned);
  openProfile();
  replyProfile(x, searchRoot, limited, clockUs() - started, parseUs, pipelineUs, timedOut);
}

function profileAggregate(x: Index, argc: i32, argv: usize, queryAt: i32, limited: bool): void {
  aggregate(x, argc, argv, queryAt, limited);
  __collect();
}

function aggregate(x: Index, argc: i32, argv: usize, queryAt: i32, limited: bool): void {
  const plan = parsePlan(argv, argc, queryAt + 1);
  if (plan === null) return replyError(planError);
  plan.queryAt = queryAt;
  const source = openSource(argv, plan);
  if (source === null) return;
  const out = runPlan(plan, source);
  if (out.error.length > 0) return replyError(out.error);
  openResults();
  const t0 = clockUs();
  replyRows(out.rows, 0, out.rows.length, out.total, -1);
  const replyUs = clockUs() - t0;
  processorAdd("Index", queryUs, source.count());
  for (let s = 0; s < plan.steps.length; s++) {
    const k = plan.steps[s].kind;
    const name = k == S_LOAD ? "Loader" : k == S_GROUPBY ? "Grouper" : k == S_APPLY ? "Projector" : k == S_FILTER ? "Filter" : k == S_LIMIT ? "Pager/Limiter" : "Sorter";
    processorAdd(name, out.stepUs[s], out.stepRows[s]);
  }
  processorAdd("Loader", replyUs, out.rows.length);
  openProfile();
  replyProfile(x, aggregateRoot, limited, clockUs() - started, aggregateParseUs, 0, timedOut);
}
