/** Set replies come in no particular order: sorted, they compare as arrays. */
export const sorted = (v: unknown) => [...(v as string[])].sort();
