// The SDK README's quick start, run line for line as a newcomer types it: in a folder outside the
// repository, next to a built clone (`../ferrite`, here a link to this repository, built by `make build`).
// The only change is the port: a free one instead of the README's 6390.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { freePort } from "../../sdk/testing/ports.js";
import { ROOT } from "../helpers/target.js";

const README_PORT = "6390";
const work = mkdtempSync(join(tmpdir(), "quickstart-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The README's shell block that starts with `mkdir plugins`: the part run outside the clone. */
function quickStartLines(): string[] {
  const readme = readFileSync(join(ROOT, "sdk/README.md"), "utf8");
  const block = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.startsWith("mkdir plugins"));
  if (!block) throw new Error("sdk/README.md has no quick start block starting with `mkdir plugins`");
  return block.trimEnd().split("\n");
}

interface Run {
  code: number | null;
  /** What the lines printed (redis-cli's replies, the server's log). */
  stdout: string;
  /** Both streams as they came, for a failure's message (bash echoes each line on stderr). */
  output: string;
  seconds: number;
}

/**
 * Runs the lines in bash (stopping at the first failure, echoing each line before it runs) in its own
 * process group, then ends that group: a server the lines started and left running would go with it.
 */
function runLines(lines: string[], cwd: string): Promise<Run> {
  const script = `set -eo pipefail\nset -x\n${lines.join("\n")}\n`;
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn("bash", ["-c", script], { cwd, detached: true, env: { ...process.env, NO_COLOR: "1" } });
    let output = "";
    let stdout = "";
    child.stdout.on("data", (d) => {
      output += d;
      stdout += d;
    });
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // The group is already gone: everything the lines started has stopped.
      }
      done({ code, stdout, output, seconds: (performance.now() - started) / 1000 });
    });
  });
}

it("follows the README's quick start from an empty folder to a loaded, called and tested plugin", async () => {
  symlinkSync(ROOT, join(work, "ferrite"));
  const port = String(await freePort());
  const lines = quickStartLines().map((line) => line.replaceAll(README_PORT, port));
  const { code, stdout, output, seconds } = await runLines(lines, work);
  console.log(`quick start: ${seconds.toFixed(1)} s of ${lines.length} lines`);
  expect(code, output).toBe(0);
  expect(stdout).toMatch(/^created my-plugin/m);
  expect(stdout).toMatch(/^built my-plugin 0\.1\.0 \(1 commands\) -> my-plugin\.wasm$/m);
  // redis-cli's replies, between the server's log lines: GREET's, then RELOAD's.
  expect(stdout).toMatch(/^world$[\s\S]*^OK$/m);
  expect(stdout).toMatch(/Tests\s+1 passed/);
  const { major, minor } = JSON.parse(readFileSync(join(ROOT, "host-api/abi.json"), "utf8")).version;
  expect(JSON.parse(readFileSync(join(work, "plugins/my-plugin/plugin.json"), "utf8")).abi).toBe(`${major}.${minor}`);
}, 180_000);
