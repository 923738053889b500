// The runtime's layers (docs/adr/0022-runtime-layers.md), checked by `make check`: each layer imports only
// from the layers below it, and no import cycle runs outside server/ + commands/.
//
//   1. base        log.ts errors.ts paths.ts node-flags.ts protocol/ command/ config/
//   2. keyspace    keyspace/
//   3. plugin host plugin/
//   4. services    tiers/ memory/ notifications/ pubsub/ persistence/ acl/ transactions/ observability/ tracking/
//   5. commands    commands/
//   6. server      server/ main.ts (the composition root: it makes every per-server object and wires them)
//
// A lower layer learns of a higher one through an interface it declares (plugin/host-services.ts,
// keyspace/key-events.ts, keyspace/key-listener.ts) or a type the higher layer merges in
// (command/command-table.ts's CommandBindings: CommandClient, CommandServer), never an import.
//
// No exceptions: every rule holds for every file (the last three were removed, ADR 0022's second pass).
// An exception may only be added with an ADR.
const R = "^runtime/src/";
const BASE = `${R}(log|errors|paths|node-flags)\\.ts$|${R}(protocol|command|config)/`;
const KEYSPACE = `${R}keyspace/`;
const PLUGIN = `${R}plugin/`;
const SERVICES = `${R}(tiers|memory|notifications|pubsub|persistence|acl|transactions|observability|tracking)/`;
const COMMANDS = `${R}commands/`;
const SERVER = `${R}(server/|main\\.ts$)`;

const above = (...layers) => ({ path: layers.join("|") });

module.exports = {
  forbidden: [
    {
      name: "no-cycles-outside-server-and-commands",
      comment: "An import cycle may only run inside server/ + commands/ (issue 12).",
      severity: "error",
      from: { path: `${R}`, pathNot: `${R}(server|commands)/` },
      to: { circular: true },
    },
    {
      name: "base-imports-only-base",
      comment: "log, errors, protocol/, command/ and config/ import nothing of the layers above.",
      severity: "error",
      from: { path: BASE },
      to: above(KEYSPACE, PLUGIN, SERVICES, COMMANDS, SERVER),
    },
    {
      name: "keyspace-imports-only-base",
      comment: "keyspace/ learns of its listeners and event sink through its own interfaces.",
      severity: "error",
      from: { path: KEYSPACE },
      to: above(PLUGIN, SERVICES, COMMANDS, SERVER),
    },
    {
      name: "plugin-host-imports-only-below",
      comment: "plugin/ gets its services injected (plugin/host-services.ts).",
      severity: "error",
      from: { path: PLUGIN },
      to: above(SERVICES, COMMANDS, SERVER),
    },
    {
      name: "services-import-only-below",
      comment: "A service never imports commands/ or server/.",
      severity: "error",
      from: { path: SERVICES },
      to: above(COMMANDS, SERVER),
    },
    {
      name: "commands-import-only-below",
      comment: "Handlers name their client and server as command/'s CommandClient and CommandServer, not server/'s classes.",
      severity: "error",
      from: { path: COMMANDS },
      to: { path: SERVER },
    },
  ],
  options: {
    includeOnly: "^runtime/src/",
    exclude: { path: "\\.test\\.ts$" },
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
  },
};
