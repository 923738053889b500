// Rule 1 of the architecture: the runtime holds no data-type logic. Unloading the strings plugin makes
// GET an unknown command; loading the path MODULE LIST showed brings it back.
import { expect, it } from "vitest";
import { useServer } from "../helpers/server.js";

const server = useServer([], { kind: "ferrite" });

type ModuleEntry = [string, string, string, number, string, string, string, string[]];

it("lists the built-in plugins with their paths", async () => {
  const list = (await server.r.call("module", "list")) as ModuleEntry[];
  const names = list.map((m) => m[1]);
  expect(names).toEqual(expect.arrayContaining(["strings", "keys"]));
  const strings = list.find((m) => m[1] === "strings")!;
  expect(strings[4]).toBe("path");
  expect(strings[5]).toMatch(/strings\.wasm$/);
});

it("refuses to unload a plugin whose type still holds keys", async () => {
  await server.r.set("k", "v");
  await expect(server.r.call("module", "unload", "strings")).rejects.toThrow(
    "ERR Error unloading module: the module exports one or more module-side data types, can't unload. Reason: type 'string' still holds 1 keys",
  );
  expect(await server.r.get("k")).toBe("v");
});

it("unload makes GET unknown, and loading the listed path brings it back", async () => {
  const list = (await server.r.call("module", "list")) as ModuleEntry[];
  const path = list.find((m) => m[1] === "strings")![5];
  await server.r.del("k");
  expect(await server.r.call("module", "unload", "strings")).toBe("OK");
  await expect(server.r.get("k")).rejects.toThrow("ERR unknown command 'get', with args beginning with: 'k' ");
  expect(((await server.r.call("module", "list")) as ModuleEntry[]).map((m) => m[1])).not.toContain("strings");
  expect(await server.r.call("module", "load", path)).toBe("OK");
  expect(await server.r.set("k", "back")).toBe("OK");
  expect(await server.r.get("k")).toBe("back");
});

it("answers Redis's errors for unknown modules and paths", async () => {
  await expect(server.r.call("module", "unload", "nope")).rejects.toThrow("ERR Error unloading module: no such module with that name");
  await expect(server.r.call("module", "load", "/nonexistent/plugin.wasm")).rejects.toThrow(
    "ERR Error loading the extension. Please check the server logs.",
  );
});
