// XREADGROUP GROUP group consumer [COUNT count] [BLOCK milliseconds] [NOACK] STREAMS key [key ...] id [id ...]
import { readCommand } from "../read-command";

export function run(argc: i32, argv: usize): void { readCommand(argc, argv, true); }
