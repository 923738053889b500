// OBJECT REFCOUNT key: references to the value; Ferrite never shares values, so the host answers 1.
import { OBJECT_REFCOUNT } from "ferrite-sdk";
import { replyObjectField } from "../object-field";

export function run(_argc: i32, argv: usize): void {
  replyObjectField(argv, OBJECT_REFCOUNT);
}
