// The repository root, from this file's compiled place in dist/bench/.
import { resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
