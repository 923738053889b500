// CF.ADDNX key item: adds the item unless it (probably) is there already.
import { cfDefaultCapacity } from "../cuckoo/defaults";
import { insertItems } from "../cuckoo/insert";

export function run(argc: i32, argv: usize): void { insertItems(argc, argv, 2, false, true, true, cfDefaultCapacity()); }
