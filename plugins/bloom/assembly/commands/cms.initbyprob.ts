// CMS.INITBYPROB key error probability: width ceil(2 / error), depth ceil(log10(probability) / log10(0.5)),
// the logarithms in single precision as RedisBloom's log10f computes them.
import { argLen, argPtr, parseF64, parsedF64, replyError } from "ferrite-sdk";
import { createSketch } from "../cms/create";
import { ERR_CMS_EXISTS } from "../cms/errors";
import { keyIsFree } from "../find-value";

export function run(_argc: i32, argv: usize): void {
  if (!keyIsFree(argv, 1, ERR_CMS_EXISTS)) return;
  if (!parseF64(argPtr(argv, 2), argLen(argv, 2)) || !(parsedF64 > 0 && parsedF64 < 1)) {
    replyError("CMS: invalid overestimation value");
    return;
  }
  const error = parsedF64;
  if (!parseF64(argPtr(argv, 3), argLen(argv, 3)) || !(parsedF64 > 0 && parsedF64 < 1)) { replyError("CMS: invalid prob value"); return; }
  const depth = Math.ceil(<f64>(Mathf.log10(<f32>parsedF64) / Mathf.log10(<f32>0.5)));
  createSketch(argv, <u64>Math.ceil(2 / error), <u64>depth);
}
