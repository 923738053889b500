// BRPOP key [key ...] timeout
import { RIGHT } from "../list";
import { blockingPopCommand } from "../pop";

export function run(argc: i32, argv: usize): void { blockingPopCommand(argc, argv, RIGHT); }
