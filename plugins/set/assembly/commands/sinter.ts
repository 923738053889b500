// SINTER key [key ...]: the members every set has; a missing key makes it empty.
import { INTER, loadSources, replyWalk } from "../algebra";

export function run(argc: i32, argv: usize): void {
  if (loadSources(argv, 1, argc - 1)) replyWalk(INTER);
}
