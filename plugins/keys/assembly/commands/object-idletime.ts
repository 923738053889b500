// OBJECT IDLETIME key: seconds since the key was last accessed (OBJECT itself is no access); the host
// refuses it under an LFU maxmemory policy.
import { OBJECT_IDLETIME } from "ferrite-sdk";
import { replyObjectField } from "../object-field";

export function run(_argc: i32, argv: usize): void {
  replyObjectField(argv, OBJECT_IDLETIME);
}
