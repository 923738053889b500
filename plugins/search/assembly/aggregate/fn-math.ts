// log, floor, abs, ceil, sqrt, log2, exp: a value that is not a number gives nan, as in RediSearch.
import { parsedF64 } from "ferrite-sdk";
import { Val, numVal, toNumber } from "./value";

export function mathFunction(id: i32, arg: Val): Val {
  if (!toNumber(arg)) return numVal(NaN);
  const d = parsedF64;
  switch (id) {
    case 0: return numVal(Math.log(d));
    case 1: return numVal(Math.floor(d));
    case 2: return numVal(Math.abs(d));
    case 3: return numVal(Math.ceil(d));
    case 4: return numVal(Math.sqrt(d));
    case 5: return numVal(Math.log2(d));
    default: return numVal(Math.exp(d));
  }
}
