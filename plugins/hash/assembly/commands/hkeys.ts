// HKEYS key: the fields; empty for a missing key.
import { FIELDS, replyPairs } from "../reply-pairs";

export function run(_argc: i32, argv: usize): void { replyPairs(argv, FIELDS); }
