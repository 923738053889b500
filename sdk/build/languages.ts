// The languages a plugin's handlers may be written in, and where each keeps them. plugin.json's
// "language" picks one (AssemblyScript when absent); everything else about a plugin folder is the same.
import { BuildError } from "./build-error.js";

export interface Language {
  name: "assemblyscript" | "rust";
  /** The folder holding commands/<handler> and the optional types and init files. */
  sources: string;
  extension: string;
  /** What a handler file must define, as the build's messages say it. */
  signature: string;
  /** Checked before compiling, for a clearer message than the compiler's. */
  defines: RegExp;
}

const ASSEMBLYSCRIPT: Language = {
  name: "assemblyscript",
  sources: "assembly",
  extension: ".ts",
  signature: "exporting run(argc: i32, argv: usize): void (or re-exporting another handler's run)",
  defines: /export\s+(function\s+run\s*\(|\{[^}]*\brun\b[^}]*\}\s+from)/,
};

const RUST: Language = {
  name: "rust",
  sources: "src",
  extension: ".rs",
  signature: "defining pub fn run(args: &Args)",
  defines: /pub\s+fn\s+run\s*\(/,
};

export function languageNamed(name: string | undefined): Language {
  if (name === undefined || name === ASSEMBLYSCRIPT.name) return ASSEMBLYSCRIPT;
  if (name === RUST.name) return RUST;
  throw new BuildError(`plugin.json: "language": ${JSON.stringify(name)} is not one the SDK builds: "assemblyscript" (the default) or "rust"`);
}

/** `object|encoding` is handled by <sources>/commands/object-encoding.ts (or .rs). */
export function handlerPath(language: Language, command: string): string {
  return `${language.sources}/commands/${command.replace(/\|/g, "-")}${language.extension}`;
}
