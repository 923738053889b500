// One row of the pipeline: property names bound to values. Rows carry few properties, so a linear scan
// over parallel arrays beats a map. A row made from a document loads a schema field the first time a
// step asks for it (RediSearch loads the fields a pipeline references without LOAD the same way).
import { DocSource } from "./source";
import { Val } from "./value";

export class Row {
  names: Array<string> = [];
  vals: Array<Val> = [];
  /** The document a row came from, or null for a group's row. */
  source: DocSource | null = null;
  doc: i32 = -1;

  /** The value bound to `name`, or null when the row has none. */
  get(name: string): Val | null {
    for (let i = 0; i < this.names.length; i++) if (this.names[i] == name) return this.vals[i];
    const src = this.source;
    if (src === null || !src.inSchema(name)) return null;
    const v = src.field(this.doc, name);
    if (v !== null) this.set(name, v);
    return v;
  }

  set(name: string, v: Val): void {
    for (let i = 0; i < this.names.length; i++) {
      if (this.names[i] == name) {
        this.vals[i] = v;
        return;
      }
    }
    this.names.push(name);
    this.vals.push(v);
  }
}

export function docRow(source: DocSource, doc: i32): Row {
  const r = new Row();
  r.source = source;
  r.doc = doc;
  return r;
}
