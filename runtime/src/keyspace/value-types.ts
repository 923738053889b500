// The host's view of plugin-defined value types: a global type id per (plugin, manifest type), so the
// keyspace can store a 16-bit id per key and still reach the owning plugin's callbacks.
import type { TypeSpec } from "../../../host-api/manifest.js";

/** What the keyspace needs from a value's owner; the plugin host implements it. */
export interface TypeOwner {
  readonly name: string;
  free(localType: number, handle: number): void;
  copy(localType: number, handle: number): number;
  save(localType: number, handle: number): Buffer;
  load(localType: number, encver: number, payload: Uint8Array): number;
  /** Make sure a load of `bytes` can later run inside a command without disturbing its arguments. */
  reserveLoadRoom(bytes: number): void;
  memoryUsage(localType: number, handle: number): number;
  encoding(localType: number, handle: number): number;
}

export interface ValueType {
  id: number;
  spec: TypeSpec;
  owner: TypeOwner;
  local: number;
  /** Keys currently holding this type, across databases (MODULE UNLOAD refuses while > 0). */
  keys: number;
}

export class ValueTypes {
  private readonly byId: (ValueType | undefined)[] = [undefined]; // id 0 = no value
  private readonly byName = new Map<string, ValueType>();

  register(owner: TypeOwner, local: number, spec: TypeSpec): ValueType {
    if (this.byName.has(spec.name)) throw new Error(`type '${spec.name}' is already defined by plugin '${this.byName.get(spec.name)!.owner.name}'`);
    let id = this.byId.indexOf(undefined, 1);
    if (id < 0) id = this.byId.length;
    if (id > 0xffff) throw new Error("too many value types");
    const type: ValueType = { id, spec, owner, local, keys: 0 };
    this.byId[id] = type;
    this.byName.set(spec.name, type);
    return type;
  }

  unregister(type: ValueType): void {
    this.byId[type.id] = undefined;
    this.byName.delete(type.spec.name);
  }

  get(id: number): ValueType {
    return this.byId[id]!;
  }

  named(name: string): ValueType | undefined {
    return this.byName.get(name);
  }
}
