// min-replicas-to-write and min-replicas-max-lag (aliases min-slaves-*): a Redis master refuses writes
// while fewer good replicas than asked are connected (checkGoodReplicasStatus). Ferrite has no
// replication, hence no replicas: with both configs above 0 every write is refused, as a Redis master
// without replicas refuses them, from clients and from scripts alike.
import type { Config } from "../config/config.js";

export const NOREPLICAS_ERROR = "NOREPLICAS Not enough good replicas to write.";

export class GoodReplicas {
  /** Writes may run: kept in step with the two configs, so that a write asks one field. */
  enough = true;

  constructor(config: Config) {
    config.follow(["min-replicas-to-write", "min-replicas-max-lag"], () => {
      this.enough = config.int("min-replicas-to-write") === 0 || config.int("min-replicas-max-lag") === 0;
    });
  }
}
