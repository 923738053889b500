// CF.INSERTNX key [CAPACITY capacity] [NOCREATE] ITEMS item [item ...]: CF.INSERT that skips present items (0).
import { insertCommand } from "../cuckoo/insert-args";

export function run(argc: i32, argv: usize): void { insertCommand(argc, argv, true); }
