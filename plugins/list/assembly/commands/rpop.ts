// RPOP key [count]
import { replyArityError } from "ferrite-sdk";
import { RIGHT } from "../list";
import { popCommand } from "../pop";

export function run(argc: i32, argv: usize): void {
  // The manifest's arity (-2) admits any number of arguments; Redis refuses more than a count.
  if (argc > 3) { replyArityError(argv); return; }
  popCommand(argc, argv, RIGHT);
}
