import { describe, expect, it } from "vitest";
import { appendCustomSection, readCustomSection } from "../../../host-api/custom-section.js";
import { instrumentFuel } from "../../../runtime/src/plugin/wasm/instrument.js";
import { InvalidWasmError } from "../../../runtime/src/plugin/wasm/binary-reader.js";
import { wat } from "./wat.js";

class OutOfFuel extends Error {}

/** A stand-in for the host's `ferrite.fuel`: hands out `refill` per call, `allowance` times, then throws. */
function fuelSource(refill: number, allowance = Infinity) {
  const source = {
    calls: 0,
    fuel: () => {
      if (++source.calls > allowance) throw new OutOfFuel("budget exceeded");
      return refill;
    },
  };
  return source;
}

type Exports = Record<string, (...args: number[]) => number>;

function run(wasm: Uint8Array<ArrayBuffer>, fuel: () => number): Exports {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), { ferrite: { fuel } });
  return instance.exports as unknown as Exports;
}

const computations = wat(`(module
  (func $sum (export "sum") (param $n i32) (result i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (i32.add (local.get $acc) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $acc))
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func (export "collatz") (param $n i32) (result i32) (local $steps i32)
    (loop $step (result i32)
      (if (result i32) (i32.eq (local.get $n) (i32.const 1))
        (then (local.get $steps))
        (else
          (local.set $n (select
            (i32.shr_u (local.get $n) (i32.const 1))
            (i32.add (i32.mul (local.get $n) (i32.const 3)) (i32.const 1))
            (i32.eqz (i32.and (local.get $n) (i32.const 1)))))
          (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
          (br $step)))))
  (func $add (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "plus_one") (param i32) (result i32) (return (call $add (local.get 0) (i32.const 1))))
  (memory 1)
  (func (export "lanes") (param $n i32) (result i32) (local $v v128)
    (memory.fill (i32.const 0) (i32.const 3) (i32.const 64))
    (memory.copy (i32.const 64) (i32.const 0) (i32.const 64))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $v (i32x4.add (local.get $v) (v128.load (i32.const 64))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (i32.add (i32x4.extract_lane 0 (local.get $v)) (i32.load8_u (i32.const 100))))
  (func (export "sum_of_sums") (param $n i32) (result i32) (call $add (call $sum (local.get $n)) (call $fib (i32.const 10)))))`);

const spin = wat(`(module
  (func (export "spin") (loop $forever (br $forever)))
  (func $recurse (export "recurse") (param i32) (result i32)
    (i32.add (call $recurse (i32.add (local.get 0) (i32.const 1))) (i32.const 1))))`);

describe("instrumentFuel", () => {
  it("leaves the results of normal computations unchanged", () => {
    const plain = run(computations, () => 0);
    const guarded = run(instrumentFuel(computations), fuelSource(7).fuel);
    for (const n of [0, 1, 2, 10, 1000]) expect(guarded.sum(n)).toBe(plain.sum(n));
    for (const n of [0, 1, 5, 20]) expect(guarded.fib(n)).toBe(plain.fib(n));
    for (const n of [1, 6, 27, 97]) expect(guarded.collatz(n)).toBe(plain.collatz(n));
    expect(guarded.add(2, 3)).toBe(5);
    expect(guarded.plus_one(41)).toBe(42);
    expect(guarded.lanes(10)).toBe(plain.lanes(10));
    expect(guarded.sum_of_sums(100)).toBe(plain.sum_of_sums(100));
  });

  it("stops an infinite loop through the throwing fuel import", () => {
    const source = fuelSource(1000, 50);
    const { spin: forever } = run(instrumentFuel(spin), source.fuel);
    expect(() => forever()).toThrow(OutOfFuel);
    expect(source.calls).toBe(51);
  });

  it("stops unbounded recursion, by fuel or else by stack overflow, as a catchable error", () => {
    const { recurse } = run(instrumentFuel(spin), fuelSource(1000, 5).fuel);
    expect(() => recurse(0)).toThrow(OutOfFuel);
    const unlimited = run(instrumentFuel(spin), fuelSource(1000).fuel);
    expect(() => unlimited.recurse(0)).toThrow(RangeError);
  });

  it("calls the fuel import about once per refill of loop iterations", () => {
    const refill = 1000;
    const source = fuelSource(refill);
    const { sum } = run(instrumentFuel(computations), source.fuel);
    const iterations = 1_000_000;
    sum(iterations);
    // One tick per loop iteration (plus the exit test); a call happens when the counter goes below zero.
    expect(source.calls).toBeGreaterThanOrEqual(Math.floor(iterations / (refill + 1)));
    expect(source.calls).toBeLessThanOrEqual(Math.ceil((iterations + 1) / (refill + 1)) + 1);
  });

  it("leaves call-free functions unguarded and guards the entry of functions that call", () => {
    const source = fuelSource(0);
    const { add, sum_of_sums } = run(instrumentFuel(computations), source.fuel);
    add(1, 2);
    expect(source.calls).toBe(0);
    sum_of_sums(0);
    // Starts at 0 so the first guard refuels at once; with a refill of 0 every later guard refuels too:
    // sum_of_sums, sum's one loop header, and fib(10)'s 177 entries.
    expect(source.calls).toBe(1 + 1 + 177);
  });

  it("reuses an existing ferrite.fuel import and refuses one with another signature", () => {
    const importing = wat(`(module
      (import "ferrite" "fuel" (func $refuel (result i32)))
      (func (export "spin") (loop $forever (br $forever))))`);
    const out = instrumentFuel(importing);
    const fuelImports = WebAssembly.Module.imports(new WebAssembly.Module(out)).filter((i) => i.name === "fuel");
    expect(fuelImports).toEqual([{ module: "ferrite", name: "fuel", kind: "function" }]);
    expect(() => run(out, fuelSource(10, 3).fuel).spin()).toThrow(OutOfFuel);

    const wrong = wat(`(module (import "ferrite" "fuel" (func (param i32))))`);
    expect(() => instrumentFuel(wrong)).toThrow(/ferrite.fuel with a signature other than \(\) -> i32/);
  });

  it("keeps custom sections, the manifest among them, and function names", () => {
    const manifest = new TextEncoder().encode(JSON.stringify({ name: "demo", abi: "1.0" }));
    const input = appendCustomSection(computations, "ferrite.manifest", manifest);
    const out = instrumentFuel(input);
    expect(readCustomSection(out, "ferrite.manifest")).toEqual(manifest);
    expect(readCustomSection(input, "name")).not.toBeNull();
    expect(readCustomSection(out, "name")).not.toBeNull();
  });

  it("refuses exception handling, whose catch_all could swallow the budget exception", () => {
    const catching = wat(`(module
      (func (export "f") (try (do (loop $l (br $l))) (catch_all))))`);
    expect(() => instrumentFuel(catching)).toThrow(InvalidWasmError);
    expect(() => instrumentFuel(catching)).toThrow(/'Try'/);
  });

  it("refuses bytes that are not a module", () => {
    expect(() => instrumentFuel(new Uint8Array([1, 2, 3]))).toThrow(InvalidWasmError);
  });
});
