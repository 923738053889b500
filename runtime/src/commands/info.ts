// INFO [section ...]: the sections of info-sections.ts chosen by name (case-insensitively), `default`,
// `all` or `everything`, in Redis's text format; a verbatim string in RESP3.
import type { CoreHandler, CommandClient as Client, CommandServer as Server } from "../command/command-table.js";
import { INFO_SECTIONS, type InfoSection } from "./info-sections.js";

function chosenSections(c: Client): InfoSection[] {
  if (c.argc() === 1) return INFO_SECTIONS.filter((s) => s.inDefault);
  const names = new Set<string>();
  for (let i = 1; i < c.argc(); i++) names.add(c.argString(i).toLowerCase());
  const every = names.has("all") || names.has("everything");
  const defaults = names.has("default");
  return INFO_SECTIONS.filter((s) => every || (defaults && s.inDefault) || names.has(s.name.toLowerCase()));
}

function infoText(sections: InfoSection[], s: Server): string {
  return sections.map((section) => [`# ${section.name}`, ...section.lines(s)].join("\r\n") + "\r\n").join("\r\n");
}

export const infoHandlers: Record<string, CoreHandler> = {
  info(c, s) {
    c.writer.verbatim(infoText(chosenSections(c), s));
  },
};
