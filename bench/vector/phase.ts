// `BENCH_ONLY=vector make bench`: the vector phase (bench/README.md, "Vector").
import { join } from "node:path";
import { ROOT } from "../root.js";
import { type VectorLoad, runVectorLibrary } from "./library.js";
import { VectorLab } from "./lab.js";
import { runVectorServer } from "./server.js";

export async function runVector(load: VectorLoad) {
  const lab = VectorLab.load(join(ROOT, "build/fixtures/vectorlab.wasm"));
  const library = runVectorLibrary(lab, load);
  const server = await runVectorServer(lab, load);
  return { results: { library: library.results, server: server.result }, goals: [...library.goals, ...server.goals] };
}
