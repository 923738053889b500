// OBJECT FREQ key: the LFU counter; the host refuses it unless an LFU maxmemory policy is set.
import { OBJECT_FREQ } from "ferrite-sdk";
import { replyObjectField } from "../object-field";

export function run(_argc: i32, argv: usize): void {
  replyObjectField(argv, OBJECT_FREQ);
}
