// Which arguments of a full command line are keys, read from its key specs the way Redis's
// getKeysUsingKeySpecs does (COMMAND GETKEYS today, ACL and cluster routing later). A manifest without
// key specs gets one range spec from its legacy first/last/step, as Redis derives them the other way.
// A command whose plugin finds its keys (host API 1.8 key_finder: SORT … STORE, Redis's getkeys proc)
// carries a KeyFinder, which answers instead; commands with fixed key specs never reach one.
import type { CommandSpec, KeySpec } from "../../../host-api/manifest.js";
import { parseInteger } from "./parse-integer.js";

function keySpecsOf(spec: CommandSpec): KeySpec[] {
  if (spec.key_specs) return spec.key_specs;
  if (spec.first_key <= 0) return [];
  const lastkey = spec.last_key < 0 ? spec.last_key : spec.last_key - spec.first_key;
  return [{
    flags: [],
    begin_search: { type: "index", spec: { index: spec.first_key } },
    find_keys: { type: "range", spec: { lastkey, keystep: spec.step, limit: 0 } },
  }];
}

/** Redis's doesCommandHaveKeys: at least one key spec that is not marked not_key. */
export function hasKeys(spec: CommandSpec): boolean {
  return keySpecsOf(spec).some((k) => !k.flags.includes("not_key"));
}

/** Where the key spec's keys start: 0 when its keyword is absent, null when the spec cannot tell. */
function beginIndex(spec: KeySpec, argv: readonly string[]): number | null {
  const b = spec.begin_search;
  if (b.type === "index") return b.spec.index;
  if (b.type === "unknown") return null;
  const { keyword, startfrom } = b.spec;
  const wanted = keyword.toLowerCase();
  // Redis stops before the last argument going forward and before argument 1 going backward.
  if (startfrom > 0) {
    for (let i = startfrom; i < argv.length - 1; i++) if (argv[i].toLowerCase() === wanted) return i + 1;
  } else {
    for (let i = argv.length + startfrom; i > 1 && i < argv.length; i--) if (argv[i].toLowerCase() === wanted) return i + 1;
  }
  return 0;
}

/** The last key's index and the step, or null for an invalid spec or arguments. */
function keyRange(spec: KeySpec, argv: readonly string[], first: number): [number, number, number] | null {
  const f = spec.find_keys;
  if (f.type === "range") {
    const { lastkey, keystep, limit } = f.spec;
    let last: number;
    if (lastkey >= 0) last = first + lastkey;
    else if (!limit) last = argv.length + lastkey;
    else last = first + Math.floor((argv.length - first) / limit) + lastkey;
    return [first, last, keystep];
  }
  if (f.type === "keynum") {
    const { keynumidx, firstkey, keystep } = f.spec;
    if (first + keynumidx >= argv.length) return null;
    const numkeys = parseInteger(argv[first + keynumidx]);
    if (numkeys === null || numkeys < 0) return null;
    return [first + firstkey, first + firstkey + numkeys - 1, keystep];
  }
  return null;
}

/**
 * A plugin's key finder: calls `visit` with the index of each key and the number of the key spec whose
 * flags it has; false when it could not answer (the key specs then answer alone).
 */
export type KeyFinder = (argv: readonly string[], visit: (index: number, spec: number) => void) => boolean;

/**
 * Calls `visit` with the index into `argv` (argv[0] is the command name) of each key and its key spec's
 * flags; false when the specs cannot tell (keys visited so far were still found, as Redis's ACL check
 * and COMMAND GETKEYS each need). `finder`: the command's own (Command.findKeys), asked first.
 */
export function forEachKey(spec: CommandSpec, argv: readonly string[], visit: (index: number, flags: readonly string[]) => void, finder: KeyFinder | null = null): boolean {
  const specs = keySpecsOf(spec);
  if (finder !== null) {
    const found: [number, number][] = [];
    const answered = finder(argv, (index, s) => {
      if (index > 0 && index < argv.length && specs[s] !== undefined) found.push([index, s]);
    });
    if (answered) {
      for (const [index, s] of found) visit(index, specs[s].flags);
      return true;
    }
  }
  for (const ks of specs) {
    if (ks.flags.includes("not_key")) continue;
    const begin = beginIndex(ks, argv);
    if (begin === null) return false;
    if (begin === 0) continue;
    const range = keyRange(ks, argv, begin);
    if (!range) return false;
    const [first, last, step] = range;
    if (last >= argv.length || last < first || first >= argv.length) return false;
    // A zero step in a manifest would never end; Redis's own specs never have one.
    for (let i = first; i <= last; i += Math.max(step, 1)) visit(i, ks.flags);
    if (ks.flags.includes("incomplete")) return false;
  }
  return true;
}

/** Indexes into `argv` (argv[0] is the command name) of its keys; null when the specs cannot tell. */
export function keyPositions(spec: CommandSpec, argv: readonly string[], finder: KeyFinder | null = null): number[] | null {
  const positions: number[] = [];
  return forEachKey(spec, argv, (i) => positions.push(i), finder) ? positions : null;
}
