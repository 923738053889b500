// Reading INFO text in tests: one field's value, the section headers, one command's commandstats.

export function infoField(info: string, name: string): string | undefined {
  return new RegExp(`^${name.replace(/[|.]/g, "\\$&")}:(.*)$`, "m").exec(info.replaceAll("\r", ""))?.[1];
}

export function infoSections(info: string): string[] {
  return info.split("\r\n").filter((l) => l.startsWith("# ")).map((l) => l.slice(2));
}

/** `cmdstat_<name>`'s numbers (calls, usec, usec_per_call, rejected_calls, failed_calls), or undefined. */
export function commandStat(info: string, name: string): Record<string, number> | undefined {
  const value = infoField(info, `cmdstat_${name}`);
  if (value === undefined) return undefined;
  return Object.fromEntries(value.split(",").map((kv) => kv.split("=")).map(([k, v]) => [k, Number(v)]));
}
