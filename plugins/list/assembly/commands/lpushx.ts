// LPUSHX key element [element ...]
import { LEFT } from "../list";
import { pushCommand } from "../push";

export function run(argc: i32, argv: usize): void { pushCommand(argc, argv, LEFT, true); }
