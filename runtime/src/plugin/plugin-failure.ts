// The error of a plugin call that failed (trap, abort, out of memory, budget overrun, bad reply): the one
// error type the host catches from plugin code, wherever it called it (a command, a tier load, an event).

/** A plugin call that failed; `message` is the complete error reply text. */
export class PluginFailure extends Error {}
