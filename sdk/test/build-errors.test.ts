// What a plugin author sees when the folder is not right.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildPlugin } from "../build/build-plugin.js";
import { loadPluginProject } from "../build/plugin-project.js";

const TEMPLATE = join(import.meta.dirname, "../template");
const dirs: string[] = [];
function copyTemplate(): string {
  const dir = mkdtempSync(join(tmpdir(), "sdk-build-"));
  dirs.push(dir);
  cpSync(TEMPLATE, dir, { recursive: true });
  return dir;
}
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

const spec = (name: string) => JSON.stringify({ name, arity: 1, flags: [], acl_categories: [], first_key: 0, last_key: 0, step: 0 });
const keyed = (name: string, arity: number, first_key: number, last_key: number) =>
  JSON.stringify({ name, arity, flags: [], acl_categories: [], first_key, last_key, step: 1 });
const HANDLER = "export function run(argc: i32, argv: usize): void {}\n";

describe("build errors", () => {
  it("a command without handler fails, or is left out with --allow-missing", () => {
    const dir = copyTemplate();
    writeFileSync(join(dir, "commands/other.json"), spec("other"));
    expect(() => loadPluginProject(dir)).toThrow("command other has no handler: create assembly/commands/other.ts");
    const project = loadPluginProject(dir, true);
    expect(project.warnings).toEqual([expect.stringContaining("command other has no handler")]);
    expect(project.manifest.commands.map((c) => c.name)).toEqual(["greeter.greet"]);
  });

  it("a handler without command fails", () => {
    const dir = copyTemplate();
    writeFileSync(join(dir, "assembly/commands/stray.ts"), "export function run(argc: i32, argv: usize): void {}\n");
    expect(() => loadPluginProject(dir)).toThrow("assembly/commands/stray.ts handles no command");
  });

  it("subcommands map to container-sub.ts and get ids", () => {
    const dir = copyTemplate();
    writeFileSync(join(dir, "commands/thing.json"), JSON.stringify({ ...JSON.parse(spec("thing")), arity: -2, subcommands: [JSON.parse(spec("thing|info"))] }));
    writeFileSync(join(dir, "assembly/commands/thing-info.ts"), "export function run(argc: i32, argv: usize): void {}\n");
    const { manifest } = loadPluginProject(dir);
    expect(manifest.commands.find((c) => c.name === "thing")!.subcommands![0]).toMatchObject({ name: "thing|info", id: 1 });
  });

  it("refuses imports the host does not provide", async () => {
    const dir = copyTemplate();
    writeFileSync(join(dir, "assembly/commands/greeter.greet.ts"),
      'import { replyInt } from "ferrite-sdk";\nexport function run(argc: i32, argv: usize): void { replyInt(<i64>(Math.random() * 10)); }\n');
    await expect(buildPlugin(dir)).rejects.toThrow(/imports env\.seed/);
  }, 60_000);

  it("reports compile errors with their location", async () => {
    const dir = copyTemplate();
    writeFileSync(join(dir, "assembly/commands/greeter.greet.ts"), "export function run(argc: i32, argv: usize): void { nope(); }\n");
    await expect(buildPlugin(dir)).rejects.toThrow(/compilation failed[\s\S]*nope[\s\S]*greeter\.greet\.ts/);
  }, 60_000);

  it("a command name copied into another file is named twice, and the copy is the one to fix", () => {
    const dir = copyTemplate();
    cpSync(join(dir, "commands/greeter.greet.json"), join(dir, "commands/greeter.wave.json"));
    writeFileSync(join(dir, "assembly/commands/greeter.wave.ts"), HANDLER);
    expect(() => loadPluginProject(dir)).toThrow(
      'command greeter.greet is declared twice, in commands/greeter.greet.json and commands/greeter.wave.json: commands/greeter.wave.json still says "name": "greeter.greet"; give it its own command\'s name');
  });

  it("a handler whose command file declares another name says so, instead of asking for the file that exists", () => {
    const dir = copyTemplate();
    writeFileSync(join(dir, "commands/greeter.wave.json"), spec("greeter.hello"));
    writeFileSync(join(dir, "assembly/commands/greeter.wave.ts"), HANDLER);
    expect(() => loadPluginProject(dir)).toThrow(
      "assembly/commands/greeter.wave.ts handles no command: commands/greeter.wave.json declares greeter.hello, whose handler is assembly/commands/greeter.hello.ts: make the two names agree");
  });

  it("an upper-case name is refused with its lower-case spelling, not asked for an upper-case handler", () => {
    const dir = copyTemplate();
    writeFileSync(join(dir, "commands/greeter.greet.json"), spec("GREETER.GREET"));
    const build = () => loadPluginProject(dir);
    expect(build).toThrow(
      'commands/greeter.greet.json: command names are lower case (clients call them in any case): write "name": "greeter.greet", and its handler is assembly/commands/greeter.greet.ts');
    expect(build).not.toThrow(/create assembly\/commands\/GREETER/);
  });

  it("refuses an arity that lets a call through without the keys first_key/last_key name", () => {
    const dir = copyTemplate();
    writeFileSync(join(dir, "commands/greeter.greet.json"), keyed("greeter.greet", -1, 1, 1));
    expect(() => loadPluginProject(dir)).toThrow(
      'commands/greeter.greet.json: command greeter.greet has arity -1, which lets a call with 1 arguments (the name included) through, but its keys (first_key 1, last_key 1) need 2: make "arity" -2 (at least 2 arguments, the name included), or correct first_key/last_key');
    writeFileSync(join(dir, "commands/greeter.greet.json"), keyed("greeter.greet", 3, 1, 3));
    expect(() => loadPluginProject(dir)).toThrow('has arity 3, which lets a call with 3 arguments (the name included) through, but its keys (first_key 1, last_key 3) need 4: make "arity" 4,');
    writeFileSync(join(dir, "commands/greeter.greet.json"), keyed("greeter.greet", -2, 2, -1));
    expect(() => loadPluginProject(dir)).toThrow("its keys (first_key 2, last_key -1) need 3");
  });

  it("accepts key positions every allowed call has", () => {
    const dir = copyTemplate();
    for (const [arity, first, last] of [[-2, 1, -1], [3, 1, 2], [2, 1, 1], [-3, 1, -2], [-1, 0, 0]]) {
      writeFileSync(join(dir, "commands/greeter.greet.json"), keyed("greeter.greet", arity, first, last));
      expect(() => loadPluginProject(dir), `arity ${arity} keys ${first}..${last}`).not.toThrow();
    }
  });

  it("refuses an unprefixed name that a core command or a built-in plugin already has, naming the owner", () => {
    const dir = copyTemplate();
    writeFileSync(join(dir, "commands/get.json"), spec("get"));
    writeFileSync(join(dir, "assembly/commands/get.ts"), HANDLER);
    expect(() => loadPluginProject(dir)).toThrow(
      `commands/get.json: command get already exists in Ferrite (the built-in plugin 'strings'): MODULE LOAD would refuse this plugin. Prefix it with the plugin's name: "greeter.get"`);
    rmSync(join(dir, "commands/get.json"));
    rmSync(join(dir, "assembly/commands/get.ts"));
    writeFileSync(join(dir, "commands/ping.json"), spec("ping"));
    writeFileSync(join(dir, "assembly/commands/ping.ts"), HANDLER);
    expect(() => loadPluginProject(dir)).toThrow("command ping already exists in Ferrite (the server)");
  });

  it("warns of managed allocations on a command's path, naming the function and what to use instead", async () => {
    const dir = copyTemplate();
    writeFileSync(join(dir, "assembly/commands/greeter.greet.ts"), `import { replyInt } from "ferrite-sdk";
class Point { x: i32 = 0; }
function count(n: i32): i32 { const a = new Array<i32>(n); return a.length; }
export function run(argc: i32, argv: usize): void {
  const label = "n=" + argc.toString();
  const seen = new Map<i32, i32>();
  replyInt(count(argc) + label.length + seen.size + new Point().x);
}
`);
    writeFileSync(join(dir, "assembly/init.ts"), "export function ferrite_init(argc: i32, argv: usize): i32 { return new Array<i32>(4).length - 4; }\n");
    const warnings: string[] = [];
    await buildPlugin(dir, { warn: (w) => warnings.push(w) });
    expect(warnings.sort()).toEqual([
      "assembly/commands/greeter.greet.ts, Point#constructor: managed allocation (new) on a command's path, never freed: a plugin has no garbage collector. For an object, declare its class @unmanaged (then `new` takes a heap.alloc block) and heap.free it",
      "assembly/commands/greeter.greet.ts, count: managed allocation (~lib/array/Array<i32>#constructor) on a command's path, never freed: a plugin has no garbage collector. For an array or buffer, heap.alloc a block and heap.free it, or use memory.data(n) for a fixed scratch buffer",
      expect.stringMatching(/^assembly\/commands\/greeter\.greet\.ts, run: managed allocation \(~lib\/string\/String\.__concat, ~lib\/number\/I32#toString, ~lib\/map\/Map<i32,i32>#constructor\) .*For a string built at run time .*\. For a Map or Set, use collections\/byte-map/),
    ]);
  }, 60_000);

  it("builds the template without a warning", async () => {
    const warnings: string[] = [];
    await buildPlugin(copyTemplate(), { warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
  }, 60_000);

  it("names a Rust plugin's handler files and signature, and refuses a language it does not build", () => {
    const dir = copyTemplate();
    const plugin = JSON.parse(readFileSync(join(dir, "plugin.json"), "utf8"));
    writeFileSync(join(dir, "plugin.json"), JSON.stringify({ ...plugin, language: "rust" }));
    expect(() => loadPluginProject(dir)).toThrow(
      "command greeter.greet has no handler: create src/commands/greeter.greet.rs defining pub fn run(args: &Args) (or pass --allow-missing)");
    writeFileSync(join(dir, "plugin.json"), JSON.stringify({ ...plugin, language: "go" }));
    expect(() => loadPluginProject(dir)).toThrow('plugin.json: "language": "go" is not one the SDK builds: "assemblyscript" (the default), "rust" or "c"');
  });
});

