// `BENCH_ONLY=vector make bench`: the vector phase (bench/README.md, "Vector").
import { join } from "node:path";
import { ROOT } from "../root.js";
import { type VectorLoad, runVectorLibrary } from "./library.js";
import { VectorLab } from "./lab.js";

export function runVector(load: VectorLoad) {
  const lab = VectorLab.load(join(ROOT, "build/fixtures/vectorlab.wasm"));
  return runVectorLibrary(lab, load);
}
