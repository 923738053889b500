// XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]
import { readCommand } from "../read-command";

export function run(argc: i32, argv: usize): void { readCommand(argc, argv, false); }
