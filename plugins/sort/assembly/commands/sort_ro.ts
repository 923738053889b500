// SORT_RO: SORT without STORE, so it can run on a read-only replica.
import { sortCommand } from "../sort";

export function run(argc: i32, argv: usize): void {
  sortCommand(argc, argv, true);
}
