// Where FT.AGGREGATE's rows come from: the documents the query matched, as the search plugin's
// executor and document loader give them. The pipeline reads a document's fields only through this,
// lazily: a property a step names is loaded the first time a row is asked for it.
import { Val } from "./value";

export abstract class DocSource {
  /** The index the documents belong to (its address): cursors are kept per index. */
  abstract index(): usize;
  /** How many documents the query matched. */
  abstract count(): i32;
  /** Document `doc`'s value of field `name` (a schema field by name or alias, else any field of the key), or null. */
  abstract field(doc: i32, name: string): Val | null;
  /** Whether `name` is a field of the index's schema (readable without LOAD). */
  abstract inSchema(name: string): bool;
  /** Every field of document `doc`, for LOAD *: names and values in parallel. */
  abstract allFields(doc: i32, names: Array<string>, values: Array<Val>): void;
}
