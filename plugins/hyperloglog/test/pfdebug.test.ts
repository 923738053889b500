// PFDEBUG, Redis's debugging view of an HLL string: its registers, its encoding, a forced conversion.
import { describe, expect, it } from "vitest";
import { errorOf, useServer } from "../../../test/helpers/server.js";
import { addRange } from "./helpers.js";

const s = useServer([], { flush: true });
const encodingByte = async (key: string) => (await s.r.getrangeBuffer(key, 4, 4))[0];

describe("PFDEBUG", () => {
  it("ENCODING, TODENSE, and GETREG's registers (which makes a sparse HLL dense)", async () => {
    await addRange(s.r, "h", 0, 100);
    const count = await s.r.pfcount("h");
    expect(await s.r.call("PFDEBUG", "ENCODING", "h")).toBe("sparse");
    const regs = (await s.r.call("PFDEBUG", "GETREG", "h")) as number[];
    expect(regs).toHaveLength(16384);
    expect(regs.filter((r) => r > 0).length).toBeGreaterThan(90);
    expect(await encodingByte("h")).toBe(0);
    expect(await s.r.call("PFDEBUG", "ENCODING", "h")).toBe("dense");
    expect(await s.r.pfcount("h")).toBe(count);
    await s.r.pfadd("g", "a");
    expect(await s.r.call("PFDEBUG", "TODENSE", "g")).toBe(1);
    expect(await s.r.call("PFDEBUG", "TODENSE", "g")).toBe(0);
    const one = (await s.r.call("PFDEBUG", "GETREG", "g")) as number[];
    expect(one.filter((r) => r > 0)).toHaveLength(1);
  });

  it("errors: a missing key, a string that is no HLL, a corrupt one, an unknown subcommand", async () => {
    expect(await errorOf(s.r.call("PFDEBUG", "GETREG", "none"))).toBe("ERR The specified key does not exist");
    await s.r.set("str", "x");
    expect(await errorOf(s.r.call("PFDEBUG", "GETREG", "str"))).toBe("WRONGTYPE Key is not a valid HyperLogLog string value.");
    await s.r.set("bad", Buffer.concat([Buffer.from("HYLL\x01", "latin1"), Buffer.alloc(11), Buffer.from([0x7f, 0xff, 0xff])]));
    expect(await errorOf(s.r.call("PFDEBUG", "GETREG", "bad"))).toBe("INVALIDOBJ Corrupted HLL object detected");
    await s.r.pfadd("h", "a");
    expect(await errorOf(s.r.call("PFDEBUG", "NOPE", "h"))).toBe("ERR Unknown PFDEBUG subcommand 'NOPE'");
    expect(await errorOf(s.r.call("PFDEBUG", "GETREG"))).toBe("ERR wrong number of arguments for 'pfdebug' command");
  });
});
