// TDIGEST.MIN key
import { replyExtreme } from "../tdigest/min-max";

export function run(_argc: i32, argv: usize): void { replyExtreme(argv, false); }
