// What a plugin author sees when the folder is not right.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
});
