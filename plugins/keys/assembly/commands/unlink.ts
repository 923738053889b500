// UNLINK key [key ...]: DEL, whose freeing Redis would do in the background.
import { deleteKeys } from "../delete-keys";

export function run(argc: i32, argv: usize): void {
  deleteKeys(argc, argv);
}
