// RPUSHX key element [element ...]
import { RIGHT } from "../list";
import { pushCommand } from "../push";

export function run(argc: i32, argv: usize): void { pushCommand(argc, argv, RIGHT, true); }
