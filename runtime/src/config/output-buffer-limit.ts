// The `client-output-buffer-limit` config: per client class a hard limit, a soft limit and how many
// seconds a client may stay over the soft one. Parsed with Redis's rules (config.c's
// setConfigClientOutputBufferLimitOption): groups of four, all checked before any applies, and a SET
// that names some classes leaves the others as they were.
import { parseMemory } from "./parse-value.js";

export const CLIENT_CLASSES = ["normal", "slave", "pubsub"] as const;
export type ClientClass = (typeof CLIENT_CLASSES)[number];

/** The class whose limits apply to a client, subscribed or not: Redis's getClientType (no replicas yet). */
export function clientClass(c: { readonly pubsub: object | null }): ClientClass {
  return c.pubsub ? "pubsub" : "normal";
}

export interface OutputLimit {
  hard: number;
  soft: number;
  softSeconds: number;
}

export const DEFAULT_OUTPUT_LIMITS = "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60";

function classByName(name: string): ClientClass | null {
  const n = name.toLowerCase();
  if (n === "replica") return "slave";
  return (CLIENT_CLASSES as readonly string[]).includes(n) ? (n as ClientClass) : null;
}

/** The limits a canonical value (as stored, always naming the three classes) describes. */
export function outputLimitsOf(value: string): Record<ClientClass, OutputLimit> {
  const w = value.split(" ");
  const limits = {} as Record<ClientClass, OutputLimit>;
  for (let i = 0; i < w.length; i += 4) limits[w[i] as ClientClass] = { hard: Number(w[i + 1]), soft: Number(w[i + 2]), softSeconds: Number(w[i + 3]) };
  return limits;
}

/** `raw` applied over the `current` canonical value: the new canonical text, or Redis's error. */
export function parseOutputLimits(raw: string, current: string): { value: string } | { error: string } {
  const words = raw.split(/\s+/).filter(Boolean);
  if (words.length % 4) return { error: "Wrong number of arguments in buffer limit configuration." };
  for (let i = 0; i < words.length; i += 4)
    if (!classByName(words[i])) return { error: "Invalid client class specified in buffer limit configuration." };
  const limits = outputLimitsOf(current);
  for (let i = 0; i < words.length; i += 4) {
    const hard = parseMemory(words[i + 1]);
    const soft = parseMemory(words[i + 2]);
    const softSeconds = /^\d+$/.test(words[i + 3]) ? Number(words[i + 3]) : null;
    if (hard === null || soft === null || softSeconds === null)
      return { error: "Error in hard, soft or soft_seconds setting in buffer limit configuration." };
    limits[classByName(words[i])!] = { hard, soft, softSeconds };
  }
  return { value: CLIENT_CLASSES.map((c) => `${c} ${limits[c].hard} ${limits[c].soft} ${limits[c].softSeconds}`).join(" ") };
}
