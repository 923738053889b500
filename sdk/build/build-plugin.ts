// `build`: plugin folder -> validated manifest -> compiled, checked wasm with the manifest attached.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { appendCustomSection } from "../../host-api/custom-section.js";
import { abi } from "../../host-api/generate.js";
import { validateManifest, type Manifest } from "../../host-api/manifest.js";
import { BuildError } from "./build-error.js";
import { moduleProblems } from "./check-module.js";
import { compilePlugin, type Compiled } from "./compile.js";
import { compileCPlugin } from "./compile-c.js";
import { compileRustPlugin } from "./compile-rust.js";
import { generateDispatcher } from "./dispatcher.js";
import { loadPluginProject } from "./plugin-project.js";

export interface BuildOptions {
  allowMissing?: boolean;
  warn?: (message: string) => void;
}

export interface BuildResult {
  wasm: Uint8Array;
  manifest: Manifest;
}

export async function buildPlugin(dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const project = loadPluginProject(dir, options.allowMissing);
  for (const w of project.warnings) options.warn?.(w);
  const manifestProblems = validateManifest(project.manifest);
  if (project.manifest.abi.split(".")[0] !== String(abi.version.major))
    manifestProblems.push(`abi ${project.manifest.abi}: this SDK builds for ${abi.version.major}.${abi.version.minor}`);
  if (manifestProblems.length) throw new BuildError(`invalid manifest:\n${manifestProblems.join("\n")}`);
  const { wasm: compiled, warnings }: Compiled =
    project.language.name === "rust" ? compileRustPlugin(project)
    : project.language.name === "c" ? { wasm: await compileCPlugin(project), warnings: [] }
    : await compilePlugin(dir, generateDispatcher(project));
  for (const w of warnings) options.warn?.(w);
  const problems = moduleProblems(compiled, project.manifest);
  if (problems.length) throw new BuildError(problems.join("\n"));
  const payload = new TextEncoder().encode(JSON.stringify(project.manifest));
  return { wasm: appendCustomSection(compiled, abi.manifest.section, payload), manifest: project.manifest };
}

export async function buildPluginToFile(dir: string, out: string, options: BuildOptions = {}): Promise<BuildResult> {
  const result = await buildPlugin(dir, options);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, result.wasm);
  return result;
}
