// Arguments for HSET in bulk.

/** A hash of n fields f0..n-1 with values v0..n-1, set in one HSET. */
export function fieldsAndValues(n: number, prefix = ""): string[] {
  const args: string[] = [];
  for (let i = 0; i < n; i++) args.push(`${prefix}f${i}`, `v${i}`);
  return args;
}
