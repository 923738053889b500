// BITFIELD_RO key [GET type offset ...]
import { runBitfield } from "../bits/bitfield-run";

export function run(argc: i32, argv: usize): void {
  runBitfield(argc, argv, true);
}
