// What MODULE LOAD / UNLOAD / RELOAD (commands/module.ts) exchange with the plugin registry (server/): the
// configs given at load time, the refusal of an unload, which the command answers as Redis's error, and
// what a reload did.

/** `MODULE LOADEX ... CONFIG name value`: the configs given, in order. */
export type GivenConfigs = readonly (readonly [string, string])[];

/** An unload the registry refused (no such plugin, or its types still hold keys): the message is the reply. */
export class UnloadRefused extends Error {}

/** What MODULE RELOAD did: the versions, and how many values moved in how long. */
export interface Reloaded {
  from: string;
  to: string;
  moved: number;
  ms: number;
}
