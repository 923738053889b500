// BLPOP key [key ...] timeout
import { LEFT } from "../list";
import { blockingPopCommand } from "../pop";

export function run(argc: i32, argv: usize): void { blockingPopCommand(argc, argv, LEFT); }
