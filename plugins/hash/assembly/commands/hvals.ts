// HVALS key: the values; empty for a missing key.
import { VALUES, replyPairs } from "../reply-pairs";

export function run(_argc: i32, argv: usize): void { replyPairs(argv, VALUES); }
