// What MODULE LOAD / UNLOAD (commands/module.ts) exchange with the plugin registry (server/): the configs
// given at load time, and the refusal of an unload, which the command answers as Redis's error.

/** `MODULE LOADEX ... CONFIG name value`: the configs given, in order. */
export type GivenConfigs = readonly (readonly [string, string])[];

/** An unload the registry refused (no such plugin, or its types still hold keys): the message is the reply. */
export class UnloadRefused extends Error {}
