// The languages a plugin's handlers may be written in, and where each keeps them. plugin.json's
// "language" picks one (AssemblyScript when absent); everything else about a plugin folder is the same.
import { BuildError } from "./build-error.js";

export interface Language {
  name: "assemblyscript" | "rust" | "c";
  /** The folder holding commands/<handler> and the optional types and init files. */
  sources: string;
  extension: string;
  /** What the handler file of `command` must define, as the build's messages say it. */
  signature(command: string): string;
  /** Whether `source` defines that handler: checked before compiling, for a clearer message than the compiler's. */
  defines(command: string, source: string): boolean;
}

const ASSEMBLYSCRIPT: Language = {
  name: "assemblyscript",
  sources: "assembly",
  extension: ".ts",
  signature: () => "exporting run(argc: i32, argv: usize): void (or re-exporting another handler's run)",
  defines: (_command, source) => /export\s+(function\s+run\s*\(|\{[^}]*\brun\b[^}]*\}\s+from)/.test(source),
};

const RUST: Language = {
  name: "rust",
  sources: "src",
  extension: ".rs",
  signature: () => "defining pub fn run(args: &Args)",
  defines: (_command, source) => /pub\s+fn\s+run\s*\(/.test(source),
};

/** The function a C handler file defines for `command`: cmd_object_encoding. */
export function cHandlerName(command: string): string {
  return `cmd_${command.replace(/[|.-]/g, "_")}`;
}

const C: Language = {
  name: "c",
  sources: "c",
  extension: ".c",
  signature: (command) => `defining void ${cHandlerName(command)}(int32_t argc, const ferrite_arg *argv)`,
  defines: (command, source) => new RegExp(`\\bvoid\\s+${cHandlerName(command)}\\s*\\(`).test(source),
};

const LANGUAGES = [ASSEMBLYSCRIPT, RUST, C];

export function languageNamed(name: string | undefined): Language {
  const language = LANGUAGES.find((l) => l.name === (name ?? ASSEMBLYSCRIPT.name));
  if (language) return language;
  throw new BuildError(`plugin.json: "language": ${JSON.stringify(name)} is not one the SDK builds: "assemblyscript" (the default), "rust" or "c"`);
}

/** `object|encoding` is handled by <sources>/commands/object-encoding.ts (or .rs, .c). */
export function handlerPath(language: Language, command: string): string {
  return `${language.sources}/commands/${command.replace(/\|/g, "-")}${language.extension}`;
}
