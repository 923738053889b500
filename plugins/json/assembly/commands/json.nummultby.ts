// JSON.NUMMULTBY key path value: multiplies each number at path by value.
import { JSON_NUMMULTBY } from "../events";
import { numberOp } from "../number-op";

export function run(argc: i32, argv: usize): void { numberOp(argc, argv, true, JSON_NUMMULTBY); }
