// JSON.NUMINCRBY key path value: adds value to each number at path.
import { JSON_NUMINCRBY } from "../events";
import { numberOp } from "../number-op";

export function run(argc: i32, argv: usize): void { numberOp(argc, argv, false, JSON_NUMINCRBY); }
