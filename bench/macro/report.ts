// Plain-text output shared by the macro benchmarks: an aligned table and goal verdicts.

export function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((s, c) => (c === 0 ? s.padEnd(widths[c]) : s.padStart(widths[c]))).join("  ");
  console.log(line(headers));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

export interface Goal {
  what: string;
  /** Null when the figure could not be measured. */
  met: boolean | null;
}

export function printGoals(goals: Goal[]): void {
  for (const g of goals) console.log(`  [${g.met === null ? "n/a " : g.met ? "met " : "MISS"}] ${g.what}`);
}

export function fmt(n: number | null, digits = 0): string {
  return n === null ? "-" : n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const MiB = 1024 * 1024;
