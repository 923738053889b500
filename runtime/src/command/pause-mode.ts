// CLIENT PAUSE's modes: set by commands/client-controls.ts, enforced by server/client-pause.ts.
export const enum PauseMode {
  None = 0,
  Write = 1,
  All = 2,
}
