// TS.DECRBY key subtrahend [TIMESTAMP ts] [RETENTION ms] [ENCODING e] [CHUNK_SIZE n] [DUPLICATE_POLICY p] [IGNORE t v] [LABELS l v ...]
import { TS_DECRBY } from "../events";
import { runIncr } from "../incr";

export function run(argc: i32, argv: usize): void { runIncr(argc, argv, -1, TS_DECRBY); }
