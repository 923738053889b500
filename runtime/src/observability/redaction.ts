import type { CommandClient as Client } from "../command/command-table.js";
// Arguments Redis hides from MONITOR and SLOWLOG (redactClientCommandArgument): AUTH's user and
// password, and the two after HELLO's AUTH token.

export const REDACTED = "(redacted)";

/** Index of the first argument to hide and how many, or null when the command shows every argument. */
export function redactedRange(c: Client, command: string): [number, number] | null {
  if (command === "auth") return [1, c.argc() - 1];
  if (command !== "hello") return null;
  for (let i = 2; i + 2 < c.argc(); i++) if (c.argString(i).toLowerCase() === "auth") return [i + 1, 2];
  return null;
}

export function isHidden(range: [number, number] | null, i: number): boolean {
  return range !== null && i >= range[0] && i < range[0] + range[1];
}
