#!/usr/bin/env node
// ferrite-plugin: start a plugin from the template, build it into a .wasm, run its tests.
//   ferrite-plugin new <dir> [--name <name>]
//   ferrite-plugin build <plugin-dir> --out <file.wasm> [--allow-missing]
//   ferrite-plugin test <plugin-dir> [vitest arguments]
import { basename } from "node:path";
import { BuildError } from "./build-error.js";
import { buildPluginToFile } from "./build-plugin.js";
import { newPlugin } from "./new-plugin.js";
import { runPluginTests } from "./run-tests.js";

const USAGE = `usage:
  ferrite-plugin new <dir> [--name <name>]
      a plugin folder from the template; its name (and its commands' prefix) is <dir>'s unless --name says
  ferrite-plugin build <plugin-dir> --out <file.wasm> [--allow-missing]
      --allow-missing  leave out (with a warning) commands that have no handler yet
  ferrite-plugin test <plugin-dir> [vitest arguments]
      runs the plugin's test/*.test.ts with the vitest Ferrite comes with`;

function option(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  if (value === undefined) throw new BuildError(`${flag} needs a value\n${USAGE}`);
  return value;
}

function flag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === "build") {
    const out = option(rest, "--out");
    const allowMissing = flag(rest, "--allow-missing");
    if (!out || rest.length !== 1) throw new BuildError(USAGE);
    const { manifest } = await buildPluginToFile(rest[0], out, {
      allowMissing,
      warn: (m) => console.warn(`warning: ${m}`),
    });
    console.log(`built ${manifest.name} ${manifest.version} (${manifest.commands.length} commands) -> ${out}`);
  } else if (command === "new") {
    const name = option(rest, "--name");
    if (rest.length !== 1) throw new BuildError(USAGE);
    newPlugin(rest[0], name ?? basename(rest[0]));
    console.log(`created ${rest[0]}: edit its commands/ and assembly/commands/, then build it`);
  } else if (command === "test") {
    const [dir, ...vitestArgs] = rest;
    if (!dir) throw new BuildError(USAGE);
    process.exitCode = await runPluginTests(dir, vitestArgs);
  } else {
    throw new BuildError(USAGE);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if (!(e instanceof BuildError)) throw e;
  console.error(`ferrite-plugin: ${e.message}`);
  process.exitCode = 1;
});
