// LMOVE source destination LEFT|RIGHT LEFT|RIGHT
import { moveCommand } from "../move";
import { parseWhere } from "../list-key";

export function run(_argc: i32, argv: usize): void {
  const from = parseWhere(argv, 3);
  if (from < 0) return;
  const to = parseWhere(argv, 4);
  if (to < 0) return;
  moveCommand(argv, from, to);
}
