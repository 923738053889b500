// BITFIELD key [GET type offset | SET type offset value | INCRBY type offset increment | OVERFLOW WRAP|SAT|FAIL ...]
import { runBitfield } from "../bits/bitfield-run";

export function run(argc: i32, argv: usize): void {
  runBitfield(argc, argv, false);
}
