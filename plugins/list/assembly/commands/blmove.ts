// BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout
import { parseWhere } from "../list-key";
import { blockingMoveCommand } from "../move";

export function run(_argc: i32, argv: usize): void {
  const from = parseWhere(argv, 3);
  if (from < 0) return;
  const to = parseWhere(argv, 4);
  if (to < 0) return;
  blockingMoveCommand(argv, from, to, 5);
}
