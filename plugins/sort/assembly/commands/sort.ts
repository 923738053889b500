// SORT key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA] [STORE destination]
import { sortCommand } from "../sort";

export function run(argc: i32, argv: usize): void {
  sortCommand(argc, argv, false);
}
