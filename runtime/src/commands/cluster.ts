// CLUSTER without cluster mode, as redis-server answers it: every subcommand is known (so that ACL rules,
// COMMAND and scripts see Redis's flags: CLUSTER RESET is `noscript`) and answers that cluster support
// is disabled. Ferrite has no cluster mode.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CoreHandler } from "../command/command-table.js";
import type { CommandSpec } from "../../../host-api/manifest.js";
import { CORE_SPECS_DIR } from "../paths.js";

const DISABLED = "ERR This instance has cluster support disabled";

const disabled: CoreHandler = (c) => c.writer.error(DISABLED);

const spec = JSON.parse(readFileSync(join(CORE_SPECS_DIR, "cluster.json"), "utf8")) as CommandSpec;

export const clusterHandlers: Record<string, CoreHandler> = Object.fromEntries((spec.subcommands ?? []).map((s) => [s.name, disabled]));
