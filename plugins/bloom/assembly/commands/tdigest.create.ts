// TDIGEST.CREATE key [COMPRESSION compression]: an empty digest, compression 100 by default.
import { argIs, keyFindArg, keySetArg, replyArityError, replyError, replyOk, replyWrongType, FIND_WRITE, MISSING, WRONGTYPE } from "ferrite-sdk";
import { parseCompression } from "../tdigest/compression-arg";
import { tdCreate } from "../tdigest/digest";
import { TDIGEST_TYPE } from "../type-ids";

export function run(argc: i32, argv: usize): void {
  if (argc != 2 && argc != 4) { replyArityError(argv); return; }
  const h = keyFindArg(argv, 1, TDIGEST_TYPE, FIND_WRITE);
  if (h == WRONGTYPE) { replyWrongType(); return; }
  if (h != MISSING) { replyError("ERR T-Digest: key already exists"); return; }
  let compression: i64 = 100;
  if (argc == 4) {
    // RedisBloom looks for the keyword among both arguments.
    if (!argIs(argv, 2, "COMPRESSION") && !argIs(argv, 3, "COMPRESSION")) { replyError("ERR T-Digest: wrong keyword"); return; }
    compression = parseCompression(argv, 3);
    if (compression < 0) return;
  }
  keySetArg(argv, 1, TDIGEST_TYPE, <f64>tdCreate(compression));
  replyOk();
}
