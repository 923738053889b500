// What TS.ADD and TS.MADD with `*`, and TS.INCRBY/TS.DECRBY without TIMESTAMP, log to the AOF (host API
// 1.7 replicate): the command with the timestamp it used, so a replay at another time adds the same
// samples. Logged as soon as the timestamp is known: the host drops the line if nothing changed.
import { argLen, argPtr, callArg, callArgI64, callArgLiteral, callBegin, callReplicate } from "ferrite-sdk";

export function isStar(argv: usize, i: i32): bool { return argLen(argv, i) == 1 && load<u8>(argPtr(argv, i)) == 0x2a; }

/** The command as received, each `*` among arguments first, first + step… replaced by `ts`. */
export function replicateResolved(argc: i32, argv: usize, first: i32, step: i32, ts: i64): void {
  callBegin();
  for (let i = 0; i < argc; i++) {
    if (i >= first && (i - first) % step == 0 && isStar(argv, i)) callArgI64(ts);
    else callArg(argPtr(argv, i), argLen(argv, i));
  }
  callReplicate();
}

/** The command as received with `TIMESTAMP ts` inserted before argument `at`. */
export function replicateWithTimestamp(argc: i32, argv: usize, at: i32, ts: i64): void {
  callBegin();
  for (let i = 0; i <= argc; i++) {
    if (i == at) {
      callArgLiteral("TIMESTAMP");
      callArgI64(ts);
    }
    if (i < argc) callArg(argPtr(argv, i), argLen(argv, i));
  }
  callReplicate();
}
