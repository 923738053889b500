// redis-server's command line: `[configfile] [--name value ...]`, where a config file holds `name value`
// lines with the same quoting as Redis (we reuse the inline-command splitter's rules: "..." and '...').
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Config } from "./config.js";

export function splitConfigLine(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+)/g;
  for (let m; (m = re.exec(line)); ) out.push(m[1] !== undefined ? JSON.parse(`"${m[1]}"`) : (m[2] ?? m[3]));
  return out;
}

/** redis-server's report of a directive it cannot apply. */
export function fatalConfigError(origin: string, words: string[], error: string): string {
  return `*** FATAL CONFIG FILE ERROR (${origin}) ***\n>>> '${words.join(" ")}'\n${error}`;
}

/** After startup's plugins are loaded: a directive none of them declared is Redis's unknown directive. */
export function unclaimedDirectiveError(config: Config): string | null {
  const left = config.unclaimed();
  return left ? fatalConfigError(left[1].origin, [left[0], ...left[1].args], "Bad directive or wrong number of arguments") : null;
}

function applyDirectives(config: Config, directives: string[][], origin: string): void {
  for (const [name, ...args] of directives) {
    const error = config.setAtStartup(name, args, origin);
    if (error) throw new Error(fatalConfigError(origin, [name, ...args], error));
  }
}

export function loadConfig(argv: string[]): Config {
  const config = new Config();
  let rest = argv;
  if (rest.length && !rest[0].startsWith("--")) {
    const text = readFileSync(rest[0], "utf8");
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
    applyDirectives(config, lines.map(splitConfigLine), rest[0]);
    config.file = resolve(rest[0]);
    rest = rest.slice(1);
  }
  const directives: string[][] = [];
  for (const arg of rest) {
    if (arg.startsWith("--")) directives.push([arg.slice(2)]);
    else if (directives.length) directives[directives.length - 1].push(arg);
    else throw new Error(`Invalid argument '${arg}'`);
  }
  applyDirectives(config, directives, "command line");
  return config;
}
