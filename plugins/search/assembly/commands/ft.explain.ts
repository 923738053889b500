// FT.EXPLAIN index query [DIALECT d]: the parsed query as text.
import { replyBulk } from "ferrite-sdk";
import { explained } from "../query/explain";
import { explainCommand } from "../query/explain-command";

export function run(argc: i32, argv: usize): void {
  if (explainCommand(argc, argv)) replyBulk(explained.ptr, explained.len);
}
