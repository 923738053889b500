// Error texts that more than one part of the runtime sends, spelled exactly as Redis 7 does.
export const Err = {
  syntax: "ERR syntax error",
  notInteger: "ERR value is not an integer or out of range",
  dbRange: "ERR DB index is out of range",
  noAuth: "NOAUTH Authentication required.",
  wrongPass: "WRONGPASS invalid username-password pair or user is disabled.",
  wrongType: "WRONGTYPE Operation against a key holding the wrong kind of value",
  loadFailed: "ERR Error loading the extension. Please check the server logs.",
  unloadFailed: "ERR Error unloading module: no such module with that name",
  arity: (name: string) => `ERR wrong number of arguments for '${name}' command`,
  unknownSubcommand: (sub: string, container: string) =>
    `ERR unknown subcommand '${sanitize(sub.slice(0, 128))}'. Try ${container.toUpperCase()} HELP.`,
} as const;

/** Redis strips CR/LF from text it echoes back inside an error line. */
export function sanitize(s: string): string {
  return s.replace(/[\r\n]/g, " ");
}

export function unknownCommand(name: string, args: string[]): string {
  let list = "";
  for (let i = 0; i < args.length && list.length < 128; i++) list += `'${args[i].slice(0, 128 - list.length)}' `;
  return sanitize(`ERR unknown command '${name.slice(0, 128)}', with args beginning with: ${list}`);
}
