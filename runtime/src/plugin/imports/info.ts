// Host API 1.6: a plugin's INFO sections (docs/adr/0032-info-sections-and-clock.md). During
// ferrite_info the plugin starts sections and adds fields; the names are Redis's for a module's
// (`<plugin>_<section>`, fields `<plugin>_<field>`), so clients that parse INFO read them as they would
// a Redis module's. Outside ferrite_info the calls fail like abort: there is nothing to add to.
// Host API 1.8: memory_field, inside ferrite_memory, adds a figure to INFO's Memory section or MEMORY
// STATS under Redis's own name (used_memory_scripts, lua.caches), unprefixed: they are Redis's fields.
import type { HostImports } from "../abi.generated.js";
import { PluginAbort } from "../sandbox.js";
import type { Plugin } from "../plugin.js";
import type { CallContext } from "../call-context.js";

const NOT_IN_NAME = /[\r\n :]/;
const NOT_IN_VALUE = /[\r\n]/;

export function infoImports(p: Plugin, ctx: CallContext): Pick<HostImports, "info_section" | "info_field" | "memory_field"> {
  const text = (ptr: number, len: number) => Buffer.from(p.view().buffer, ptr, len).toString("utf8");
  const sections = (what: string) => {
    if (!ctx.infoSections) throw new PluginAbort(`${what} called outside ferrite_info`);
    return ctx.infoSections;
  };
  return {
    info_section(ptr, len) {
      const list = sections("info_section");
      const name = text(ptr, len);
      if (NOT_IN_NAME.test(name)) throw new PluginAbort(`info_section: the section name '${name}' contains a space, a colon, CR or LF`);
      list.push({ name: len === 0 ? p.name : `${p.name}_${name}`, lines: [] });
    },
    info_field(namePtr, nameLen, valuePtr, valueLen) {
      const section = sections("info_field").at(-1);
      if (!section) throw new PluginAbort("info_field called before info_section");
      const name = text(namePtr, nameLen);
      const value = text(valuePtr, valueLen);
      if (NOT_IN_NAME.test(name) || NOT_IN_VALUE.test(value))
        throw new PluginAbort(`info_field: the field '${name}' contains a space, a colon, CR or LF, or its value CR or LF`);
      section.lines.push(`${p.name}_${name}:${value}`);
    },
    memory_field(flags, namePtr, nameLen, value) {
      if (!ctx.memoryFields) throw new PluginAbort("memory_field called outside ferrite_memory");
      const name = text(namePtr, nameLen);
      if (NOT_IN_NAME.test(name) || name === "" || !Number.isSafeInteger(value))
        throw new PluginAbort(`memory_field: '${name}' is not a name without spaces, colons, CR or LF with an integer value (${value})`);
      ctx.memoryFields.push({ flags, name, value });
    },
  };
}
