// HSET key field value [field value ...]: the number of fields added.
import { replyInt } from "ferrite-sdk";
import { setPairs } from "../set-pairs";

export function run(argc: i32, argv: usize): void {
  const added = setPairs(argc, argv);
  if (added >= 0) replyInt(added);
}
