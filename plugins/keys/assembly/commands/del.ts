// DEL key [key ...]: how many of the keys existed and were removed.
import { deleteKeys } from "../delete-keys";

export function run(argc: i32, argv: usize): void {
  deleteKeys(argc, argv);
}
