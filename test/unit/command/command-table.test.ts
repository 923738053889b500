import { describe, expect, it } from "vitest";
import { CommandTable, makeCommand } from "../../../runtime/src/command/command-table.js";
import type { CommandSpec } from "../../../host-api/manifest.js";

function spec(name: string, arity: number, id?: number): CommandSpec {
  return { id, name, arity, flags: [], acl_categories: [], first_key: 0, last_key: 0, step: 0 };
}

const bytes = (s: string) => Buffer.from(s, "latin1");

describe("CommandTable.lookup", () => {
  it("finds a command by its name's bytes in any case, and copies the hot spec fields onto it", () => {
    const table = new CommandTable();
    table.add(makeCommand(spec("get", 2, 7)));
    table.add(makeCommand(spec("set", -3, 8)));
    for (const name of ["get", "GET", "gEt"]) expect(table.lookup(bytes(name), 0, 3)?.name).toBe("get");
    const set = table.lookup(bytes("xSETx"), 1, 3)!;
    expect([set.name, set.arity, set.id]).toEqual(["set", -3, 8]);
    expect(table.lookup(bytes("ge"), 0, 2)).toBeUndefined();
    expect(table.lookup(bytes("gets"), 0, 4)).toBeUndefined();
  });

  it("forgets a removed command even when it was the last one found", () => {
    const table = new CommandTable();
    table.add(makeCommand(spec("get", 2, 7)));
    expect(table.lookup(bytes("get"), 0, 3)?.name).toBe("get");
    table.remove("get");
    expect(table.lookup(bytes("get"), 0, 3)).toBeUndefined();
    table.add(makeCommand(spec("get", 2, 9)));
    expect(table.lookup(bytes("GET"), 0, 3)?.id).toBe(9);
  });

  it("gives every command, core or plugin, container or not, one object shape", () => {
    const plain = makeCommand(spec("get", 2, 7));
    const container = makeCommand(spec("config", -2));
    container.subcommands = new Map([["get", makeCommand(spec("config|get", -3))]]);
    expect(Object.keys(container)).toEqual(Object.keys(plain));
    expect(container.id).toBe(-1);
  });
});
