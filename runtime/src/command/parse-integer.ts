// The integer argument of a command (SELECT's index, a key spec's numkeys, CLIENT PAUSE's timeout…):
// Redis's string2ll, through the one parser the RESP reader uses too (protocol/resp-integer.ts).
import { parseLongLong } from "../protocol/resp-integer.js";

/** `s` as an integer (no sign tricks, no spaces, no leading zeros), or null; beyond ±2^53 is null too. */
export function parseInteger(s: string): number | null {
  const n = parseLongLong(Buffer.from(s, "latin1"), 0, s.length);
  return Number.isSafeInteger(n) ? n : null;
}
