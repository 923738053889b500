// SDIFF key [key ...]: the members of the first set that no other has; missing keys are empty.
import { DIFF, loadSources, replyWalk } from "../algebra";

export function run(argc: i32, argv: usize): void {
  if (loadSources(argv, 1, argc - 1)) replyWalk(DIFF);
}
