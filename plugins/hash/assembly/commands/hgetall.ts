// HGETALL key: field, value, field, value… (a map in RESP3); empty for a missing key.
import { FIELDS, VALUES, replyPairs } from "../reply-pairs";

export function run(_argc: i32, argv: usize): void { replyPairs(argv, FIELDS | VALUES); }
