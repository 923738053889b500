// CF.ADD key item: adds the item (duplicates too); creates the filter with the defaults.
import { cfDefaultCapacity } from "../cuckoo/defaults";
import { insertItems } from "../cuckoo/insert";

export function run(argc: i32, argv: usize): void { insertItems(argc, argv, 2, false, false, true, cfDefaultCapacity()); }
