// Every family through Debian's redis-py 4.3.4 (its bf/cf/cms/topk/tdigest clients, unmodified): the
// script asserts and exits non-zero on the first mismatch.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { useServer } from "../../../test/helpers/server.js";

const s = useServer();

it("redis-py's r.bf(), r.cf(), r.cms(), r.topk(), r.tdigest() against the server", async () => {
  const { stdout } = await promisify(execFile)("/usr/bin/python3", [join(import.meta.dirname, "python/clients.py"), String(s.port)]);
  expect(stdout.trim().split("\n")).toEqual(["bf ok", "cf ok", "cms ok", "topk ok", "tdigest ok"]);
}, 60_000);
