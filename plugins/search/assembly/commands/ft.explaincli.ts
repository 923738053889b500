// FT.EXPLAINCLI index query [DIALECT d]: FT.EXPLAIN's lines as an array (for redis-cli).
import { replyArray, replyBulk } from "ferrite-sdk";
import { explained } from "../query/explain";
import { explainCommand } from "../query/explain-command";

export function run(argc: i32, argv: usize): void {
  if (!explainCommand(argc, argv)) return;
  let lines = 0;
  for (let i = 0; i < explained.len; i++) if (load<u8>(explained.ptr + <usize>i) == 10) lines++;
  replyArray(lines + 1);
  let start = 0;
  for (let i = 0; i < explained.len; i++) {
    if (load<u8>(explained.ptr + <usize>i) != 10) continue;
    replyBulk(explained.ptr + <usize>start, i - start);
    start = i + 1;
  }
  replyBulk(0, 0); // RediSearch ends the list with an empty line
}
