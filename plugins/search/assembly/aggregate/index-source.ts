// The seam to the search plugin's index: FT.AGGREGATE's documents (the query's matches) as a DocSource.
// Wired to the index registry, query executor and document loader when those land (h-search).
import { replyError } from "ferrite-sdk";
import { Plan } from "./plan";
import { DocSource } from "./source";

/** The documents index argv[1] matches for query argv[2], or null after replying the error. */
export function openSource(_argv: usize, _plan: Plan): DocSource | null {
  replyError("Unknown Index name");
  return null;
}
