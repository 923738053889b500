// MSET key value [key value ...]
import { replyArityError, replyOk } from "ferrite-sdk";
import { storePairs } from "../store-pairs";

export function run(argc: i32, argv: usize): void {
  if (argc % 2 == 0) { replyArityError(argv); return; }
  storePairs(argc, argv);
  replyOk();
}
