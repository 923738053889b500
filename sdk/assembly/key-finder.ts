// Finding a command's keys (host API 1.8): for a command whose keys are at no fixed position (SORT …
// STORE dst), set "key_finder": true in its commands/<name>.json and write assembly/find-keys.ts:
//   export function ferrite_keys(id: i32, argc: i32, argv: usize): i32 {
//     keyPosition(1, 0);                      // argument 1 is a key, with key spec 0's flags
//     return 0;                               // or a negative number: the key specs answer alone
//   }
// The host asks it for COMMAND GETKEYS/GETKEYSANDFLAGS, ACL key checks, tracking and the AOF, never on
// the command's own path; `id` is the command's dispatch id (the build tool's, sorted by name).
import { key_position } from "./host.generated";

/** Argument `index` of the command line is a key, accessed as the manifest key spec number `spec` says. */
export function keyPosition(index: i32, spec: i32): void {
  key_position(index, spec);
}
