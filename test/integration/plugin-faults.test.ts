// A plugin fault never leaves a plugin broken for good (docs/adr/0002-sandbox.md, "After a failure"),
// against test/fixtures/plugins/faulty, which fails at each point the host must survive: inside the
// allocator, mid-update of a value, in a type callback, during init. And a memory bomb
// (test/fixtures/plugins/hostile) is stopped within the CPU budget.
import { beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { join } from "node:path";
import { ROOT } from "../helpers/target.js";
import { eventually, useServer } from "../helpers/server.js";
import { infoField } from "./observability/info-fields.js";

const FAULTY = join(ROOT, "build/fixtures/faulty.wasm");
const HOSTILE = join(ROOT, "build/fixtures/hostile.wasm");
const BUDGET_MS = 200;
const server = useServer(
  ["--plugin-call-budget-ms", String(BUDGET_MS), "--plugin-max-memory", "512mb", "--loadmodule", FAULTY, "--loadmodule", HOSTILE],
  { kind: "ferrite" },
);
let r: Redis;

beforeAll(() => {
  r = server.client();
});

/** The INFO plugins line of the faulty plugin, as fields. */
async function faultyInfo(): Promise<Record<string, string>> {
  const line = infoField((await r.info("plugins")) as string, "plugin_faulty")!;
  return Object.fromEntries(line.split(",").map((f) => f.split("=") as [string, string]));
}

/** The longest a PING on another connection waits while `run` runs. */
async function longestStall(other: Redis, run: () => Promise<unknown>): Promise<number> {
  let running = true;
  let longest = 0;
  const pinging = (async () => {
    while (running) {
      const t = performance.now();
      await other.ping();
      longest = Math.max(longest, performance.now() - t);
    }
  })();
  await run();
  running = false;
  await pinging;
  return longest;
}

describe("a budget overrun inside the allocator", () => {
  it("is deferred until the allocation is complete, so the heap stays consistent", async () => {
    // FAULTY.CHURN spends nearly all its fuel checks in TLSF; without the deferral, a few overruns broke the heap.
    await r.config("SET", "plugin-call-budget-ms", "5");
    try {
      for (let i = 0; i < 30; i++) {
        await expect(r.call("faulty.churn")).rejects.toThrow("ERR plugin 'faulty' exceeded its CPU budget of 5 ms");
        expect(await r.call("faulty.heapcheck")).toBe(0);
      }
    } finally {
      await r.config("SET", "plugin-call-budget-ms", String(BUDGET_MS));
    }
    expect(await faultyInfo()).toMatchObject({ status: "ok", heap_faults: "0", budget_overruns: "30" });
  });
});

describe("a fault that leaves the allocator inconsistent", () => {
  it("quarantines the plugin, then moves its values into a fresh instance; a value that cannot be saved is dropped", async () => {
    for (let i = 0; i < 100; i++) await r.call("faulty.set", `cell:${i}`, `value ${i}`);
    await r.call("faulty.set", "cell:nosave", "nosave: its save callback aborts");
    await r.set("plain", "a string");
    const before = await faultyInfo();
    // The next command of the same batch runs before recovery: it gets the quarantine error, not a crash.
    const [broken, next] = (await r.pipeline().call("faulty.break").call("faulty.get", "cell:1").exec())!;
    expect(broken[0]?.message).toBe("ERR plugin 'faulty' trapped: unreachable");
    expect(next[0]?.message).toMatch(/^ERR plugin 'faulty' is quarantined: its allocator is inconsistent \(heap check code \d+\)/);
    await eventually(async () => (await faultyInfo()).status === "ok", true);
    await server.target.waitForLog(/key 'cell:nosave' \(db 0, type faulty-cell\) dropped while moving to a fresh instance: .*this cell refuses to be saved/);
    await server.target.waitForLog(/Plugin 'faulty' recovered into a fresh instance: 100 values moved, 1 dropped/);
    expect(await faultyInfo()).toMatchObject({
      status: "ok",
      heap_faults: String(Number(before.heap_faults) + 1),
      respawns: String(Number(before.respawns) + 1),
      dropped_values: String(Number(before.dropped_values) + 1),
    });
    for (const i of [0, 1, 50, 99]) expect(await r.call("faulty.get", `cell:${i}`)).toBe(`value ${i}`);
    expect(await r.exists("cell:nosave")).toBe(0);
    expect(await r.call("faulty.heapcheck")).toBe(0);
    expect(await r.get("plain")).toBe("a string");
    await r.call("faulty.set", "cell:after", "new values are served");
    expect(await r.call("faulty.get", "cell:after")).toBe("new values are served");
  });
});

describe("a fault mid-update of a value", () => {
  it("keeps what was written (no rollback, as in Redis) and a sound heap: the plugin keeps serving", async () => {
    await r.call("faulty.set", "half", "aaaaaaaa");
    await expect(r.call("faulty.halfset", "half", "bbbbbbbb")).rejects.toThrow(/^ERR plugin 'faulty' aborted: interrupted mid-update/);
    expect(await r.call("faulty.get", "half")).toBe("bbbbaaaa");
    expect(await faultyInfo()).toMatchObject({ status: "ok" });
    expect(await r.call("faulty.heapcheck")).toBe(0);
  });
});

describe("a fault in a type callback", () => {
  it("fails the command that called it; the plugin and its values stay", async () => {
    const faults = (await faultyInfo()).heap_faults;
    await r.call("faulty.set", "cell:nocopy", "nocopy: its copy callback traps");
    await expect(r.copy("cell:nocopy", "cell:copied")).rejects.toThrow("ERR plugin 'faulty' trapped: unreachable");
    expect(await r.exists("cell:copied")).toBe(0);
    await r.call("faulty.set", "cell:nosave2", "nosave: its save callback aborts");
    await expect(r.dump("cell:nosave2")).rejects.toThrow(/^ERR plugin 'faulty' aborted: this cell refuses to be saved/);
    expect(await r.call("faulty.get", "cell:nocopy")).toBe("nocopy: its copy callback traps");
    expect(await faultyInfo()).toMatchObject({ status: "ok", heap_faults: faults });
  });
});

describe("a fault during init", () => {
  // A server of its own: on the main one 'faulty' is loaded already, and a second load of the same name
  // is refused before any of its code runs.
  const bare = useServer([], { kind: "ferrite" });
  it("refuses the load with the reason, to the client and in the log; the server keeps serving", async () => {
    await expect(bare.r.call("module", "load", FAULTY, "fail-init")).rejects.toThrow(
      /^ERR Error loading the extension\. Please check the server logs\. Reason: .*faulty refuses to start/,
    );
    await bare.target.waitForLog(/faulty refuses to start/);
    expect(await bare.r.ping()).toBe("PONG");
    expect(await bare.r.call("module", "load", FAULTY)).toBe("OK");
    expect(await bare.r.call("faulty.get", "cell:0")).toBe(null);
  });
});

describe("memory a plugin grew and no longer uses", () => {
  it("is given back by moving its values into a fresh instance after a failed call, and on MEMORY PURGE", async () => {
    const reserve = 16 << 20;
    await r.call("faulty.scratch", "200");
    expect(Number((await faultyInfo()).memory)).toBeGreaterThan(200 << 20);
    await expect(r.copy("cell:nocopy", "cell:copied")).rejects.toThrow("trapped");
    await eventually(async () => Number((await faultyInfo()).memory) === reserve, true);
    expect(Number((await faultyInfo()).memory)).toBe(reserve);
    expect(await r.call("faulty.get", "cell:99")).toBe("value 99");

    await r.call("faulty.scratch", "200");
    expect(await r.call("memory", "purge")).toBe("OK");
    expect(Number((await faultyInfo()).memory)).toBe(reserve);
    expect(await r.call("faulty.get", "cell:42")).toBe("value 42");
  });
});

describe("the longest stall other clients see", () => {
  // The figure is the budget plus 10 %; measured on this 2-core machine shared with other test
  // runs: 206–232 ms for a 200 ms budget (the bomb ran 1.8 s before bulk memory and growth were charged).
  // The bound leaves room for that noise and still fails on a bomb that runs to its memory cap (1.8 s
  // and more) or a spin the budget does not stop. A CI check at load 20 saw 312–346 ms, and at load
  // 30–40 a bare PING round trip to redis-server reached 130–780 ms (bench/README, session 7), so twice
  // the budget failed without a bug: five times it is (ADR 0054).
  const bound = BUDGET_MS * 5;

  it(`stays near the budget (under ${bound} ms) while a plugin bombs memory`, async () => {
    const other = server.client();
    const stall = await longestStall(other, () => expect(r.call("hostile.alloc")).rejects.toThrow(`exceeded its CPU budget of ${BUDGET_MS} ms`));
    expect(stall).toBeLessThan(bound);
  });

  it("and while a plugin spins", async () => {
    const other = server.client();
    const stall = await longestStall(other, () => expect(r.call("hostile.spin")).rejects.toThrow(`exceeded its CPU budget of ${BUDGET_MS} ms`));
    expect(stall).toBeLessThan(bound);
  });
});
