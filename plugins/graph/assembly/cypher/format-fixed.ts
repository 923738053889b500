// C's "%f" (six decimals) for FalkorDB's texts that print doubles that way: error messages, points.

/** "%f" */
export function fixed6(f: f64): string {
  const neg = f < 0;
  const units = <u64>Math.round(Math.abs(f) * 1e6);
  const frac = (units % 1000000).toString();
  return (neg ? "-" : "") + (units / 1000000).toString() + "." + "0".repeat(6 - frac.length) + frac;
}
