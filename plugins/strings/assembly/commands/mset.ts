// MSET key value [key value ...]
import { replyError, replyOk } from "ferrite-sdk";
import { storePairs } from "../store-pairs";

export function run(argc: i32, argv: usize): void {
  if (argc % 2 == 0) { replyError("ERR wrong number of arguments for 'mset' command"); return; }
  storePairs(argc, argv);
  replyOk();
}
