// The ABI glue in one process: the real strings plugin, loaded by the real loader, driven through
// Plugin.runCommand with the host imports writing into a ReplyWriter — no sockets, so each host-side
// effect (type key counts, frees of replaced values, WRONGTYPE) can be looked at directly.
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Keyspace } from "../../../runtime/src/keyspace/keyspace.js";
import type { PluginRegistry } from "../../../runtime/src/server/plugin-registry.js";
import { UnloadRefused } from "../../../runtime/src/plugin/module-admin.js";
import { ReplyWriter } from "../../../runtime/src/protocol/reply-writer.js";
import { standalonePlugins, type StandalonePlugins } from "../../../runtime/src/server/standalone-plugins.js";
import { flagsOfConfig, NOTIFY_STRING } from "../../../runtime/src/config/event-classes.js";
import type { Plugin } from "../../../runtime/src/plugin/plugin.js";
import type { TypeOwner } from "../../../runtime/src/keyspace/value-types.js";
import { ROOT } from "../../helpers/target.js";

let host: StandalonePlugins;
let ks: Keyspace;
let registry: PluginRegistry;
let strings: Plugin;

function run(args: string[], proto: 2 | 3 = 2): string {
  const bufs = args.map((a) => Buffer.from(a, "latin1"));
  const src = Buffer.concat(bufs);
  const offsets = new Int32Array(args.length);
  const lengths = new Int32Array(args.length);
  for (let i = 0, at = 0; i < bufs.length; at += bufs[i].length, i++) {
    offsets[i] = at;
    lengths[i] = bufs[i].length;
  }
  const spec = strings.manifest.commands.find((c) => c.name === args[0].toLowerCase())!;
  const writer = new ReplyWriter();
  writer.proto = proto;
  host.ctx.bind(writer, 0, ks.databases[0]);
  host.ctx.freezeClock();
  strings.runCommand(spec.id!, args.length, src, offsets, lengths);
  return writer.take().toString("latin1");
}

beforeAll(() => {
  host = standalonePlugins(64 * 1024 * 1024);
  ({ keyspace: ks, registry } = host);
  strings = registry.load(join(ROOT, "build/plugins/strings.wasm"), []);
});

describe("host imports with the strings plugin", () => {
  it("binds values to keys and counts them per type", () => {
    expect(run(["SET", "k", "hello"])).toBe("+OK\r\n");
    expect(run(["GET", "k"])).toBe("$5\r\nhello\r\n");
    expect(run(["GET", "missing"])).toBe("$-1\r\n");
    expect(run(["GET", "missing"], 3)).toBe("_\r\n");
    expect(ks.types.named("string")!.keys).toBe(1);
    expect(ks.databases[0].size).toBe(1);
  });

  it("frees replaced values: overwriting a key many times does not grow plugin memory", () => {
    const big = "x".repeat(64 * 1024);
    run(["SET", "k", big]);
    const before = strings.memory.buffer.byteLength;
    for (let i = 0; i < 2000; i++) run(["SET", "k", big]); // 128 MB if nothing were freed
    expect(strings.memory.buffer.byteLength).toBe(before);
    expect(ks.types.named("string")!.keys).toBe(1);
  });

  it("counts a written value's bytes as the type's memory callback measures them (key_put passes the size)", () => {
    const db = ks.databases[0];
    const key = Buffer.from("sized");
    const measured = () => {
      const id = db.lookup(key, 0, key.length, Date.now());
      return strings.memoryUsage(0, db.table.handle(id));
    };
    const before = ks.tiers.hotBytes;
    run(["SET", "sized", "x".repeat(1000)]);
    const big = measured();
    expect(big).toBeGreaterThan(1000);
    expect(ks.tiers.hotBytes - before).toBe(big);
    run(["SET", "sized", "y"]); // an overwrite re-counts: the bytes of the old value are gone
    expect(ks.tiers.hotBytes - before).toBe(measured());
    expect(measured()).toBeLessThan(big);
    expect(run(["SET", "sized", "z", "NX"])).toBe("$-1\r\n");
    expect(run(["SET", "absent", "z", "XX"])).toBe("$-1\r\n");
    expect(run(["GET", "sized"])).toBe("$1\r\ny\r\n");
    run(["GETDEL", "sized"]);
    expect(ks.tiers.hotBytes).toBe(before);
  });

  it("keeps the plugin's copy of the listened event classes current (ferrite_event_mask)", () => {
    const at = strings.exports.ferrite_event_mask!();
    const copy = () => new DataView(strings.view().buffer).getInt32(at, true);
    expect(copy()).toBe(0); // nobody listens: the plugin's own initial value was every class
    host.notifications.setFlags(flagsOfConfig("K$"));
    expect(copy()).toBe(NOTIFY_STRING);
    host.notifications.setFlags(flagsOfConfig(""));
    expect(copy()).toBe(0);
  });

  it("answers WRONGTYPE from the host, and SET releases the other type's value through its owner", () => {
    const freed: number[] = [];
    const owner: TypeOwner = {
      name: "fake",
      free: (_t, h) => void freed.push(h),
      copy: (_t, h) => h,
      save: () => Buffer.alloc(0),
      load: () => 0,
      reserveLoadRoom: () => {},
      memoryUsage: () => 0,
      encoding: () => 0,
    };
    const fake = ks.types.register(owner, 0, { name: "fake", encver: 1, encodings: ["raw"] });
    const key = Buffer.from("other");
    ks.databases[0].insert(key, 0, key.length, fake.id, 4242, Date.now());
    expect(run(["GET", "other"])).toBe("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    expect(run(["APPEND", "other", "x"])).toMatch(/^-WRONGTYPE/);
    expect(run(["SET", "other", "now a string"])).toBe("+OK\r\n");
    expect(freed).toEqual([4242]);
    expect(fake.keys).toBe(0);
    ks.types.unregister(fake);
  });

  it("refuses to unload a plugin whose type holds keys, and allows it once they are gone", () => {
    expect(() => registry.unload("strings")).toThrow(UnloadRefused);
    run(["GETDEL", "k"]);
    run(["GETDEL", "other"]);
    expect(ks.types.named("string")!.keys).toBe(0);
    registry.unload("strings");
    expect(ks.types.named("string")).toBeUndefined();
  });
});
