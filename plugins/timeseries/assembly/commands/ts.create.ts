// TS.CREATE key [RETENTION ms] [ENCODING COMPRESSED|UNCOMPRESSED] [CHUNK_SIZE bytes] [DUPLICATE_POLICY p] [IGNORE t v] [LABELS l v ...]
import { ANY_TYPE, FIND_WRITE, MISSING, keyFindArg, replyError, replyOk } from "ferrite-sdk";
import { optLabels, parseCreateArgs } from "../create-args";
import { ERR_KEY_EXISTS } from "../errors";
import { TS_CREATE } from "../events";
import { createSeriesArg } from "../series-key";

export function run(argc: i32, argv: usize): void {
  if (!parseCreateArgs(argc, argv, 2)) return;
  if (keyFindArg(argv, 1, ANY_TYPE, FIND_WRITE) != MISSING) {
    if (optLabels) heap.free(optLabels);
    replyError(ERR_KEY_EXISTS);
    return;
  }
  createSeriesArg(argv, 1);
  replyOk();
  TS_CREATE.emitArg(argv, 1);
}
