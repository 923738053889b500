// FT.CONFIG GET option|*: [[name, value], ...] in both protocols (what node-redis and redis-py parse);
// an unknown option gives an empty list, as in RediSearch.
import { argIs, argLen, argPtr, replyArray, replyBulk, replyNull } from "ferrite-sdk";
import { stringBytes } from "../aggregate/value";
import { optionCount, optionIndex, optionName, optionValue } from "../ft-config/options";

const text = memory.data(128);

function replyText(s: string): void {
  stringBytes(s, text);
  replyBulk(text, s.length);
}

function replyOption(i: i32): void {
  replyArray(2);
  replyText(optionName(i));
  const v = optionValue(i);
  if (v.length == 0) replyNull();
  else replyText(v);
}

export function run(_argc: i32, argv: usize): void {
  if (argIs(argv, 2, "*")) {
    replyArray(optionCount());
    for (let i = 0; i < optionCount(); i++) replyOption(i);
    return;
  }
  const i = optionIndex(argPtr(argv, 2), argLen(argv, 2));
  __collect(); // the upper-cased name
  replyArray(i < 0 ? 0 : 1);
  if (i >= 0) replyOption(i);
}
