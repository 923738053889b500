// The options after a query: --compact, TIMEOUT ms (and --version n, which clients send and FalkorDB
// ignores here too). Left in `compactReply` and `timeoutMs` (-1 when no TIMEOUT was given).
import { argIs, argLen, argPtr, parseI64, parsedI64, replyError } from "ferrite-sdk";
import { timeoutAboveMax } from "./config/options";

export let compactReply = false;
export let timeoutMs: i64 = -1;

export function parseQueryArgs(argc: i32, argv: usize): bool {
  compactReply = false;
  timeoutMs = -1;
  for (let i = 3; i < argc; i++) {
    if (argIs(argv, i, "--compact")) compactReply = true;
    else if ((argIs(argv, i, "timeout") || argIs(argv, i, "--version")) && i + 1 < argc) {
      const timeout = argIs(argv, i, "timeout");
      i++;
      if (!parseI64(argPtr(argv, i), argLen(argv, i)) || parsedI64 < 0) {
        replyError(timeout ? "Failed to parse query timeout value" : "Failed to parse graph version value");
        return false;
      }
      if (timeout && timeoutAboveMax(parsedI64)) {
        replyError("The query TIMEOUT parameter value cannot exceed the TIMEOUT_MAX configuration parameter value");
        return false;
      }
      if (timeout) timeoutMs = parsedI64;
    } else {
      replyError("Unknown argument");
      return false;
    }
  }
  return true;
}
