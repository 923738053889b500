// The `save` config: "<seconds> <changes> ..." pairs, "" for none — a snapshot is due when at least
// <changes> writes happened and <seconds> passed since the last successful one.
export interface SaveRule {
  seconds: number;
  changes: number;
}

export function parseSaveRules(text: string): SaveRule[] | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length % 2 !== 0) return null;
  const rules: SaveRule[] = [];
  for (let i = 0; i < words.length; i += 2) {
    if (!/^\d+$/.test(words[i]) || !/^\d+$/.test(words[i + 1])) return null;
    rules.push({ seconds: Number(words[i]), changes: Number(words[i + 1]) });
  }
  return rules;
}

/** The Redis error text for a bad `save` value, or null when it is valid. */
export function checkSaveRules(text: string): string | null {
  return parseSaveRules(text) ? null : "Invalid save parameters";
}

export function saveDue(rules: SaveRule[], dirty: number, sinceLastSaveMs: number): SaveRule | undefined {
  return rules.find((r) => dirty >= r.changes && sinceLastSaveMs >= r.seconds * 1000);
}
