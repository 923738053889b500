// RPOPLPUSH source destination: LMOVE source destination RIGHT LEFT
import { LEFT, RIGHT } from "../list";
import { moveCommand } from "../move";

export function run(_argc: i32, argv: usize): void { moveCommand(argv, RIGHT, LEFT); }
