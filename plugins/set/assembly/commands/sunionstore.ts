// SUNIONSTORE destination key [key ...]: SUNION bound to destination (an empty result deletes it); its size.
import { buildUnion, loadSources } from "../algebra";
import { storeResult } from "../set-key";
import { SUNIONSTORE } from "../events";

export function run(argc: i32, argv: usize): void {
  if (loadSources(argv, 2, argc - 1)) storeResult(argv, 1, buildUnion(), SUNIONSTORE);
}
