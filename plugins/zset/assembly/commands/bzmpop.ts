// BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count]
import { mpopCommand } from "../mpop";

export function run(argc: i32, argv: usize): void { mpopCommand(argc, argv, 2, true); }
