// CF.INSERT key [CAPACITY capacity] [NOCREATE] ITEMS item [item ...]: 1 added, -1 when the filter is full.
import { insertCommand } from "../cuckoo/insert-args";

export function run(argc: i32, argv: usize): void { insertCommand(argc, argv, false); }
