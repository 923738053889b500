// SINTERSTORE destination key [key ...]: SINTER bound to destination (an empty result deletes it); its size.
import { buildWalk, INTER, loadSources } from "../algebra";
import { storeResult } from "../set-key";
import { SINTERSTORE } from "../events";

export function run(argc: i32, argv: usize): void {
  if (loadSources(argv, 2, argc - 1)) storeResult(argv, 1, buildWalk(INTER), SINTERSTORE);
}
