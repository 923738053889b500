// Runs a built plugin in-process with a recording stand-in for the host: enough to test the SDK and
// the build tool without the server. Replies are collected as JS values; the keyspace is empty.
import type { Manifest } from "../../host-api/manifest.js";
import { readCustomSection } from "../../host-api/custom-section.js";

export type Reply = string | number | bigint | null | { error: string } | { array: number } | { saved: string };

export interface FakePlugin {
  manifest: Manifest;
  imports: string[];
  /** Runs a command by name and returns its replies in order. */
  call(...args: string[]): Reply[];
}

export async function loadFake(wasm: Uint8Array): Promise<FakePlugin> {
  const manifest: Manifest = JSON.parse(new TextDecoder().decode(readCustomSection(wasm, "ferrite.manifest")!));
  const memory = new WebAssembly.Memory({ initial: 4, maximum: 64 });
  const bytes = (ptr: number, len: number) => Buffer.from(memory.buffer, ptr, len).toString("latin1");
  let replies: Reply[] = [];
  const host: Record<string, (...a: never[]) => unknown> = {
    reply_ok: () => replies.push("OK"),
    reply_simple: (p: number, l: number) => replies.push(bytes(p, l)),
    reply_error: (p: number, l: number) => replies.push({ error: bytes(p, l) }),
    reply_bulk: (p: number, l: number) => replies.push(bytes(p, l)),
    reply_small_int: (v: number) => replies.push(v),
    reply_int: (v: bigint) => replies.push(v),
    reply_null: () => replies.push(null),
    reply_array: (n: number) => replies.push({ array: n }),
    key_find: () => -1,
    // What a save helper wrote, in order among the replies.
    save_write: (p: number, l: number) => replies.push({ saved: bytes(p, l) }),
    abort: () => { throw new Error("plugin aborted"); },
  };
  const module = new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>);
  const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`);
  const ferrite = Object.fromEntries(
    WebAssembly.Module.imports(module).filter((i) => i.module === "ferrite").map((i) => [i.name, host[i.name] ?? (() => { throw new Error(`fake host lacks ${i.name}`); })]),
  );
  const { exports } = new WebAssembly.Instance(module, { ferrite, env: { memory } }) as unknown as {
    exports: { ferrite_arena(size: number): number; ferrite_command(id: number, argc: number, argv: number): void };
  };
  const ids = new Map(manifest.commands.map((c) => [c.name, c.id!]));
  return {
    manifest,
    imports,
    call(...args) {
      const data = args.map((a) => Buffer.from(a, "latin1"));
      const tableSize = args.length * 8;
      const arena = exports.ferrite_arena(tableSize + data.reduce((n, d) => n + d.length, 0));
      const view = new DataView(memory.buffer);
      let at = arena + tableSize;
      data.forEach((d, i) => {
        view.setUint32(arena + i * 8, at, true);
        view.setUint32(arena + i * 8 + 4, d.length, true);
        new Uint8Array(memory.buffer, at, d.length).set(d);
        at += d.length;
      });
      replies = [];
      exports.ferrite_command(ids.get(args[0].toLowerCase())!, args.length, arena);
      return replies;
    },
  };
}
