// Mistakes in a plugin's commands/*.json that the build refuses, each with the fix it needs. They are
// checked before handlers are matched to commands: a name written twice or in upper case would otherwise
// surface as a missing or stray handler, and the message would point at the wrong file.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CommandSpec } from "../../host-api/manifest.js";

/** A command as declared, with the file that declares it (relative to the plugin folder). */
export interface DeclaredCommand {
  spec: CommandSpec;
  file: string;
}

/** Who already holds a command name once Ferrite runs: "the server" or "the built-in plugin 'strings'". */
export type CommandOwners = Map<string, string>;

function declaredLeaves(declared: DeclaredCommand[]): DeclaredCommand[] {
  return declared.flatMap((d) => [d, ...(d.spec.subcommands ?? []).map((spec) => ({ spec, file: d.file }))]);
}

/** `commands/bf.card.json` declares `bf.card`: the name a file should carry for its command. */
function expectedFile(name: string): string {
  return `commands/${name.replace(/\|.*$/, "")}.json`;
}

function duplicateNames(declared: DeclaredCommand[]): string[] {
  const problems: string[] = [];
  const first = new Map<string, string>();
  for (const { spec, file } of declaredLeaves(declared)) {
    const earlier = first.get(spec.name);
    if (earlier === undefined) {
      first.set(spec.name, file);
      continue;
    }
    // The usual cause: a file copied from another command whose "name" was not changed.
    const misnamed = [earlier, file].find((f) => f !== expectedFile(spec.name));
    const fix = misnamed ? `: ${misnamed} still says "name": "${spec.name}"; give it its own command's name` : ": keep one";
    problems.push(`command ${spec.name} is declared twice, in ${earlier} and ${file}${fix}`);
  }
  return problems;
}

function upperCaseNames(declared: DeclaredCommand[], handlerOf: (command: string) => string): string[] {
  return declaredLeaves(declared)
    .filter(({ spec }) => spec.name !== spec.name.toLowerCase())
    .map(({ spec, file }) =>
      `${file}: command names are lower case (clients call them in any case): write "name": "${spec.name.toLowerCase()}", and its handler is ${handlerOf(spec.name.toLowerCase())}`);
}

/**
 * The host checks arity before a handler runs, and only arity: a key position the arity does not
 * guarantee lets a short call through to a handler that reads past its arguments (and lets ACL key
 * checks and COMMAND GETKEYS read them too). first_key/last_key count from 0 (the command name);
 * a negative last_key counts from the end (-1: the last argument).
 */
function keyPositionProblem(spec: CommandSpec, file: string): string | null {
  if (spec.first_key <= 0) return null;
  const fewest = Math.abs(spec.arity);
  const needed = Math.max(spec.first_key + 1, spec.last_key > 0 ? spec.last_key + 1 : spec.first_key - spec.last_key);
  if (fewest >= needed) return null;
  const keys = `first_key ${spec.first_key}, last_key ${spec.last_key}`;
  const arity = spec.arity < 0 ? `-${needed} (at least ${needed} arguments, the name included)` : `${needed}`;
  return `${file}: command ${spec.name} has arity ${spec.arity}, which lets a call with ${fewest} arguments (the name included) through, but its keys (${keys}) need ${needed}: make "arity" ${arity}, or correct first_key/last_key`;
}

function arityProblems(declared: DeclaredCommand[]): string[] {
  return declaredLeaves(declared)
    .filter(({ spec }) => !spec.subcommands?.length)
    .map(({ spec, file }) => keyPositionProblem(spec, file))
    .filter((p): p is string => p !== null);
}

function clashes(declared: DeclaredCommand[], owners: CommandOwners, plugin: string): string[] {
  return declared
    .filter(({ spec }) => owners.has(spec.name))
    .map(({ spec, file }) =>
      `${file}: command ${spec.name} already exists in Ferrite (${owners.get(spec.name)}): MODULE LOAD would refuse this plugin. Prefix it with the plugin's name: "${plugin}.${spec.name}"`);
}

/** Every problem with the declared commands, in the order an author should fix them. */
export function commandProblems(declared: DeclaredCommand[], plugin: string, owners: CommandOwners, handlerOf: (command: string) => string): string[] {
  const naming = [...upperCaseNames(declared, handlerOf), ...duplicateNames(declared)];
  if (naming.length) return naming;
  return [...arityProblems(declared), ...clashes(declared, owners, plugin)];
}

function commandNamesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => (JSON.parse(readFileSync(join(dir, f), "utf8")) as CommandSpec).name);
}

/**
 * The commands a Ferrite installation at `root` answers before any plugin is loaded: the server's own
 * (runtime/src/commands/specs) and its built-in plugins' (plugins/*), except those of the plugin being
 * built when it is itself a built-in one (its commands are its own).
 */
export function coreCommandOwners(root: string, plugin: string): CommandOwners {
  const owners: CommandOwners = new Map();
  for (const name of commandNamesIn(join(root, "runtime/src/commands/specs"))) owners.set(name, "the server");
  const builtins = join(root, "plugins");
  for (const dir of existsSync(builtins) ? readdirSync(builtins) : []) {
    const pluginJson = join(builtins, dir, "plugin.json");
    if (!existsSync(pluginJson)) continue;
    const { name } = JSON.parse(readFileSync(pluginJson, "utf8")) as { name: string };
    if (name === plugin) continue;
    for (const command of commandNamesIn(join(builtins, dir, "commands"))) owners.set(command, `the built-in plugin '${name}'`);
  }
  return owners;
}
