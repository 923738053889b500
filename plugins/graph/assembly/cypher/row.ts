// One record of the pipeline: variables bound to values. Queries bind few variables, so a linear scan
// over parallel arrays beats a map here.
import { V } from "./value";

export class Row {
  names: Array<string> = [];
  vals: Array<V> = [];

  get(name: string): V | null {
    const i = this.names.indexOf(name);
    return i < 0 ? null : this.vals[i];
  }

  has(name: string): bool { return this.names.includes(name); }

  set(name: string, v: V): void {
    const i = this.names.indexOf(name);
    if (i >= 0) this.vals[i] = v;
    else {
      this.names.push(name);
      this.vals.push(v);
    }
  }

  clone(): Row {
    const r = new Row();
    r.names = this.names.slice(0);
    r.vals = this.vals.slice(0);
    return r;
  }
}
