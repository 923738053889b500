// Host API 1.6's INFO sections from the host's side, with the informant fixture: Redis 7.2's naming
// (`# <plugin>` for an unnamed section, `# <plugin>_<name>`, fields `<plugin>_<field>`), a section chosen
// by its own name, and misuse: a trap or a bad name in ferrite_info leaves INFO answering without the
// plugin's sections, info_field outside ferrite_info fails only that command; the server stays up.
import { join } from "node:path";
import { expect, it } from "vitest";
import { errorOf, useServer } from "../../helpers/server.js";
import { ROOT } from "../../helpers/target.js";

const INFORMANT = join(ROOT, "build/fixtures/informant.wasm");
const s = useServer(["--loadmodule", INFORMANT], { kind: "ferrite" });
const info = (...sections: string[]) => s.r.info(...sections);

const BOTH = "# informant\r\ninformant_calls:-2\r\n\r\n# informant_extra\r\ninformant_word:two words\r\n";

it("names and selects the plugin's sections as Redis names a module's", async () => {
  expect(await s.r.call("informant.mode", "0")).toBe("OK");
  expect(await info("informant")).toBe(BOTH);
  expect(await info("INFORMANT_EXTRA")).toBe("# informant_extra\r\ninformant_word:two words\r\n");
  expect(await info("modules")).toContain(`\r\n\r\n${BOTH}`);
  expect(await info("everything")).toContain(`\r\n\r\n${BOTH}`);
  expect(await info()).not.toContain("informant_");
  expect(await info("informant_nothing")).toBe("");
});

it("leaves the plugin's sections out when its ferrite_info fails, and INFO still answers", async () => {
  for (const mode of ["1", "2", "3"]) {
    expect(await s.r.call("informant.mode", mode)).toBe("OK");
    expect(await info("informant"), `mode ${mode}`).toBe("");
    expect(await info("everything")).toContain("# Server\r\n");
  }
  expect(await s.r.call("informant.mode", "0")).toBe("OK");
  expect(await info("informant")).toBe(BOTH);
});

it("fails info_field called from a command, outside ferrite_info", async () => {
  expect(await errorOf(s.r.call("informant.outside"))).toMatch(/^ERR plugin 'informant' .*info_field called outside ferrite_info/);
  expect(await s.r.ping()).toBe("PONG");
});
