// Key specs flagged `variable_flags` say their access depends on the arguments: Redis resolves them with
// the command's getkeys proc (db.c setGetKeys, bitfieldGetKeys), so `%W~` lets a plain SET write. These
// are the two Redis commands with such specs; any other command keeps its spec's declared (widest) flags.
const RW_UPDATE = ["RW", "access", "update"];

const RESOLVERS: Record<string, (argv: readonly string[]) => readonly string[]> = {
  set(argv) {
    for (let i = 3; i < argv.length; i++) if (argv[i].toLowerCase() === "get") return RW_UPDATE;
    return ["OW", "update"];
  },
  bitfield(argv) {
    for (let i = 2; i < argv.length; i++) {
      const op = argv[i].toLowerCase();
      const rest = argv.length - i - 1;
      if (op === "get" && rest >= 2) i += 2;
      else if (op === "overflow" && rest >= 1) i += 1;
      else return RW_UPDATE;
    }
    return ["RO", "access"];
  },
};

export function resolveKeyFlags(command: string, flags: readonly string[], argv: readonly string[]): readonly string[] {
  if (!flags.includes("variable_flags")) return flags;
  const resolve = RESOLVERS[command];
  return resolve ? resolve(argv) : flags;
}
