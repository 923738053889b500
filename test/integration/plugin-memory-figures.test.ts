// Host API 1.8 ferrite_memory: the scripting plugin's figures in INFO's Memory section and MEMORY STATS,
// with Redis 7.2's names, in Redis's order and place (checked against a running redis-server), counting
// what is cached: scripts loaded and flushed (the suite's number_of_cached_scripts test), a function
// library loaded, and MEMORY STATS' lua.caches and functions.caches following them.
import { expect, it } from "vitest";
import { useServer } from "../helpers/server.js";

const ferrite = useServer([], { kind: "ferrite" });
const redis = useServer([], { kind: "redis" });

function fields(info: string): Map<string, string> {
  return new Map(info.split("\r\n").filter((l) => l.includes(":")).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1)]));
}

/** The names from used_memory_lua to used_memory_scripts_human, as printed. */
function scriptingNames(info: string): string[] {
  const names = [...fields(info).keys()];
  return names.slice(names.indexOf("used_memory_lua"), names.indexOf("used_memory_scripts_human") + 1);
}

function stats(reply: unknown[]): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (let i = 0; i < reply.length; i += 2) m.set(String(reply[i]), reply[i + 1]);
  return m;
}

it("prints Redis's scripting figures, named and ordered as Redis prints them, after total_system_memory_human", async () => {
  const ours = await ferrite.r.info("memory");
  const theirs = await redis.r.info("memory");
  expect(scriptingNames(ours)).toEqual(scriptingNames(theirs));
  const names = [...fields(ours).keys()];
  expect(names.indexOf("used_memory_lua")).toBe(names.indexOf("total_system_memory_human") + 1);
  const f = fields(ours);
  expect(Number(f.get("used_memory_vm_eval"))).toBeGreaterThan(1000); // a live Lua state
  expect(Number(f.get("used_memory_vm_total"))).toBe(Number(f.get("used_memory_vm_eval")) + Number(f.get("used_memory_vm_functions")));
  expect(f.get("used_memory_lua")).toBe(f.get("used_memory_vm_eval"));
  expect(f.get("used_memory_lua_human")).toMatch(/^\d+\.\d\dK$/);
});

it("counts cached scripts and functions, and empties with SCRIPT FLUSH ASYNC (the suite's test)", async () => {
  const r = ferrite.r;
  await r.script("FLUSH");
  await r.function("FLUSH");
  for (let j = 0; j < 100; j++) await r.script("LOAD", `return ${j}`);
  await r.function("LOAD", "#!lua name=lib\nredis.register_function('f1', function() return 1 end)\nredis.register_function('f2', function() return 2 end)");
  let f = fields(await r.info("memory"));
  expect(f.get("number_of_cached_scripts")).toBe("100");
  expect(f.get("number_of_functions")).toBe("2");
  expect(f.get("number_of_libraries")).toBe("1");
  const scriptsEval = Number(f.get("used_memory_scripts_eval"));
  const functions = Number(f.get("used_memory_functions"));
  expect(scriptsEval).toBeGreaterThan(0);
  expect(functions).toBeGreaterThan(0);
  expect(Number(f.get("used_memory_scripts"))).toBe(scriptsEval + functions);
  const s = stats((await r.call("MEMORY", "STATS")) as unknown[]);
  expect(s.get("lua.caches")).toBe(scriptsEval);
  expect(s.get("functions.caches")).toBe(functions);
  await r.script("FLUSH", "ASYNC");
  f = fields(await r.info("memory"));
  expect(f.get("number_of_cached_scripts")).toBe("0");
  expect(f.get("used_memory_scripts_eval")).toBe("0");
  expect(stats((await r.call("MEMORY", "STATS")) as unknown[]).get("lua.caches")).toBe(0);
});
