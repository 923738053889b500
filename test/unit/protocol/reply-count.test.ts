// ReplyCount: what a plugin's reply imports wrote, judged as one complete RESP reply or a named fault.
import { describe, expect, it } from "vitest";
import { ReplyCount } from "../../../runtime/src/protocol/reply-count.js";

/** Feeds `steps` (a number opens an aggregate of that many elements, "x" is a scalar) and returns the fault. */
function faultOf(...steps: (number | "x")[]): string | null {
  const count = new ReplyCount();
  for (const s of steps) if (s === "x") count.item(); else count.open(s);
  return count.fault();
}

describe("ReplyCount", () => {
  it("accepts one scalar, one empty aggregate, and nested aggregates closed in any order", () => {
    expect(faultOf("x")).toBeNull();
    expect(faultOf(0)).toBeNull();
    expect(faultOf(2, 1, "x", "x")).toBeNull();
    expect(faultOf(2, "x", 2, 0, 1, "x")).toBeNull();
    expect(faultOf(1, 1, 1, 1, "x")).toBeNull();
  });

  it("names each fault", () => {
    expect(faultOf()).toBe("sent no reply");
    expect(faultOf("x", "x")).toBe("sent 2 replies");
    expect(faultOf(1, "x", "x")).toBe("sent 2 replies");
    expect(faultOf(3, "x")).toBe("sent an incomplete reply");
    expect(faultOf(2, 2, "x", "x")).toBe("sent an incomplete reply");
    expect(faultOf(-5)).toBe("sent an aggregate of negative size");
  });

  it("grows past its initial depth without losing count", () => {
    const deep: (number | "x")[] = Array.from({ length: 100 }, () => 1);
    expect(faultOf(...deep, "x")).toBeNull();
    expect(faultOf(...deep)).toBe("sent an incomplete reply");
  });

  it("starts over on reset", () => {
    const count = new ReplyCount();
    count.item();
    count.item();
    count.open(-1);
    count.reset();
    count.open(1);
    count.item();
    expect(count.fault()).toBeNull();
    expect(count.replies).toBe(1);
  });
});
