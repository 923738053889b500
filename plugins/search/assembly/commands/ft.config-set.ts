// FT.CONFIG SET option value: OK, or RediSearch's errors for an unknown, fixed or invalid option.
import { argLen, argPtr, replyError, replyOk } from "ferrite-sdk";
import { optionIndex, optionSet } from "../ft-config/options";

export function run(_argc: i32, argv: usize): void {
  const i = optionIndex(argPtr(argv, 2), argLen(argv, 2));
  if (i < 0) {
    replyError("Unknown configuration option");
    return;
  }
  const error = optionSet(i, argPtr(argv, 3), argLen(argv, 3));
  if (error.length > 0) replyError(error);
  else replyOk();
  __collect(); // the replaced value and the parsing's strings
}
