// BRPOPLPUSH source destination timeout: BLMOVE source destination RIGHT LEFT timeout
import { LEFT, RIGHT } from "../list";
import { blockingMoveCommand } from "../move";

export function run(_argc: i32, argv: usize): void { blockingMoveCommand(argv, RIGHT, LEFT, 3); }
