// Every probabilistic type demoted to the cold tier (saved through its callbacks, its memory freed) reads
// back the same, promoted on access.
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";
import { chillAll } from "../../../test/integration/tiers/tier-helpers.js";
import { fill, snapshot } from "./every-type.js";

const BUDGET = "1mb";
const WARM = "4mb";
const s = useServer(["--tier-hot-max-memory", BUDGET, "--tier-segment-size", "256kb", "--tier-warm-max-memory", WARM], { kind: "ferrite" });

it("every type comes back from the cold tier", async () => {
  await fill(s.r);
  const before = await snapshot(s.r);
  await chillAll(s.r, BUDGET, WARM);
  for (const key of ["bf", "cf", "cms", "topk", "td"]) expect(await s.r.call("TIER", key)).toBe("cold");
  expect(await snapshot(s.r)).toEqual(before);
  expect(await s.r.call("TIER", "td")).toBe("hot");
}, 60_000);
