// INFO [section ...]: the sections of info-sections.ts chosen by name (case-insensitively), `default`,
// `all` or `everything`, in Redis's text format; a verbatim string in RESP3. Plugins' own sections
// (ferrite_info, host API 1.6) follow as Redis 7.2's modulesCollectInfo appends modules' sections: for
// `everything` and `modules` all of them, otherwise those a name asks for (`<plugin>` for all of one
// plugin's, `<plugin>_<section>` for one), and never for a bare INFO, `default` or `all`.
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { INFO_SECTIONS, type InfoSection } from "./info-sections.js";

interface Chosen {
  names: Set<string>;
  builtIn: InfoSection[];
  /** Every plugin section (everything, modules), only the named ones, or none. */
  plugins: "all" | "named" | "none";
}

function choose(c: Client): Chosen {
  const names = new Set<string>();
  if (c.argc() === 1) return { names, builtIn: INFO_SECTIONS.filter((s) => s.inDefault), plugins: "none" };
  for (let i = 1; i < c.argc(); i++) names.add(c.argString(i).toLowerCase());
  const every = names.has("all") || names.has("everything");
  const defaults = names.has("default");
  const builtIn = INFO_SECTIONS.filter((s) => every || (defaults && s.inDefault) || names.has(s.name.toLowerCase()));
  return { names, builtIn, plugins: names.has("everything") || names.has("modules") ? "all" : "named" };
}

function text(name: string, lines: string[]): string {
  return [`# ${name}`, ...lines].join("\r\n") + "\r\n";
}

function infoText(chosen: Chosen, s: Server): string {
  const parts = chosen.builtIn.map((section) => text(section.name, section.lines(s)));
  if (chosen.plugins !== "none") {
    for (const p of s.plugins.all()) {
      // Only plugins that can match are called: INFO with a plain section name calls none.
      const wholePlugin = chosen.plugins === "all" || chosen.names.has(p.name.toLowerCase());
      if (!wholePlugin && ![...chosen.names].some((n) => n.startsWith(`${p.name.toLowerCase()}_`))) continue;
      for (const section of p.infoSections())
        if (wholePlugin || chosen.names.has(section.name.toLowerCase())) parts.push(text(section.name, section.lines));
    }
  }
  return parts.join("\r\n");
}

export const infoHandlers: Record<string, CoreHandler> = {
  info(c, s) {
    c.writer.verbatim(infoText(choose(c), s));
  },
};
