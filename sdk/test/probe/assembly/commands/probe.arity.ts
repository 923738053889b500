// PROBE.ARITY [...]: Redis's arity error for this command, named as Redis names it (lower case).
import { replyArityError } from "ferrite-sdk";

export function run(_argc: i32, argv: usize): void {
  replyArityError(argv);
}
