// The event classes of `notify-keyspace-events`: Redis's NOTIFY_* bits (server.h), which are also the
// values of RedisModule's REDISMODULE_NOTIFY_* and of the class a plugin passes to event_emit /
// event_subscribe. Parsing and printing follow notify.c (keyspaceEventsStringToFlags / ...FlagsToString).
export const NOTIFY_KEYSPACE = 1 << 0; // K
export const NOTIFY_KEYEVENT = 1 << 1; // E
export const NOTIFY_GENERIC = 1 << 2; // g
export const NOTIFY_STRING = 1 << 3; // $
export const NOTIFY_LIST = 1 << 4; // l
export const NOTIFY_SET = 1 << 5; // s
export const NOTIFY_HASH = 1 << 6; // h
export const NOTIFY_ZSET = 1 << 7; // z
export const NOTIFY_EXPIRED = 1 << 8; // x
export const NOTIFY_EVICTED = 1 << 9; // e
export const NOTIFY_STREAM = 1 << 10; // t
export const NOTIFY_KEY_MISS = 1 << 11; // m (not part of A)
export const NOTIFY_MODULE = 1 << 13; // d
export const NOTIFY_NEW = 1 << 14; // n (not part of A)
/** A: every class but m and n. */
export const NOTIFY_ALL = NOTIFY_GENERIC | NOTIFY_STRING | NOTIFY_LIST | NOTIFY_SET | NOTIFY_HASH | NOTIFY_ZSET |
  NOTIFY_EXPIRED | NOTIFY_EVICTED | NOTIFY_STREAM | NOTIFY_MODULE;

/** Letter → class, in the order Redis prints the classes that A does not stand for. */
const CLASS_LETTERS: [string, number][] = [
  ["g", NOTIFY_GENERIC], ["$", NOTIFY_STRING], ["l", NOTIFY_LIST], ["s", NOTIFY_SET], ["h", NOTIFY_HASH],
  ["z", NOTIFY_ZSET], ["x", NOTIFY_EXPIRED], ["e", NOTIFY_EVICTED], ["t", NOTIFY_STREAM], ["d", NOTIFY_MODULE],
  ["n", NOTIFY_NEW],
];
const LETTERS = new Map<string, number>([
  ...CLASS_LETTERS, ["A", NOTIFY_ALL], ["K", NOTIFY_KEYSPACE], ["E", NOTIFY_KEYEVENT], ["m", NOTIFY_KEY_MISS],
]);

/** The flags a `notify-keyspace-events` text stands for, or null on a letter Redis does not know. */
export function parseEventClasses(text: string): number | null {
  let flags = 0;
  for (const ch of text) {
    const bits = LETTERS.get(ch);
    if (bits === undefined) return null;
    flags |= bits;
  }
  return flags;
}

/** CONFIG GET's text for `flags`. As in Redis, A replaces the classes it covers and n is then not printed. */
export function formatEventClasses(flags: number): string {
  let text = "";
  if ((flags & NOTIFY_ALL) === NOTIFY_ALL) text = "A";
  else for (const [letter, bits] of CLASS_LETTERS) if (flags & bits) text += letter;
  if (flags & NOTIFY_KEYSPACE) text += "K";
  if (flags & NOTIFY_KEYEVENT) text += "E";
  if (flags & NOTIFY_KEY_MISS) text += "m";
  return text;
}

// The canonical text can lose a class ("An" prints as "A"), so the flags of the text last parsed are kept
// for the config listener: every stored value was parsed just before being stored.
let lastParsed = { value: "", flags: 0 };

/** The config's parse hook: canonical text or Redis's error. */
export function parseNotifyConfig(raw: string): { value: string } | { error: string } {
  const flags = parseEventClasses(raw);
  if (flags === null) return { error: "Invalid event class character. Use 'Ag$lshzxeKEtmdn'." };
  lastParsed = { value: formatEventClasses(flags), flags };
  return { value: lastParsed.value };
}

/** The flags a stored config value was parsed from. */
export function flagsOfConfig(value: string): number {
  return value === lastParsed.value ? lastParsed.flags : parseEventClasses(value) ?? 0;
}
