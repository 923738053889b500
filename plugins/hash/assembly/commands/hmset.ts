// HMSET key field value [field value ...]: HSET replying OK (deprecated in Redis, still served).
import { replyOk } from "ferrite-sdk";
import { setPairs } from "../set-pairs";

export function run(argc: i32, argv: usize): void {
  if (setPairs(argc, argv) >= 0) replyOk();
}
