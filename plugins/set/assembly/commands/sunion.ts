// SUNION key [key ...]: the members of any of the sets; missing keys are empty.
import { loadSources, replyUnion } from "../algebra";

export function run(argc: i32, argv: usize): void {
  if (loadSources(argv, 1, argc - 1)) replyUnion();
}
