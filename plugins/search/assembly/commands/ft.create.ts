// FT.CREATE index [ON HASH|JSON] [PREFIX n p…] [FILTER f] [LANGUAGE l] [SCORE s] [STOPWORDS n w…]
// [SKIPINITIALSCAN] … SCHEMA field [AS alias] type [options] …
import { argLen, argPtr, currentDb, replyError, replyOk } from "ferrite-sdk";
import { strNew } from "../bytes";
import { buildIndex, keepDefinition } from "../definition";
import { ERR_INDEX_EXISTS, errSend } from "../errors";
import { Index } from "../index-spec";
import { watchKeyspace } from "../keyspace-events";
import { indexByName, registryAdd } from "../registry";
import { scanIfNeeded } from "../scan";

export function run(argc: i32, argv: usize): void {
  if (currentDb() != 0) { replyError("Cannot create index on db != 0"); return; }
  const name = argPtr(argv, 1), nameLen = argLen(argv, 1);
  if (indexByName(name, nameLen) != null) { replyError(ERR_INDEX_EXISTS); return; }
  const x = buildIndex(strNew(name, nameLen), argc, argv, 2);
  if (x == null) { errSend(); return; }
  const index = changetype<Index>(x);
  keepDefinition(index, argc, argv, 2);
  registryAdd(index);
  watchKeyspace();
  index.needsScan = true;
  scanIfNeeded(index);
  replyOk();
}
