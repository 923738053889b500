// BF.ADD key item: 1 when added, 0 when (probably) there already; creates the filter with the defaults.
import { defaultCapacity, defaultErrorRate, defaultExpansion } from "../bloom/defaults";
import { insertItems } from "../bloom/insert";

export function run(argc: i32, argv: usize): void {
  insertItems(argc, argv, 2, false, true, defaultCapacity(), defaultErrorRate(), defaultExpansion(), false);
}
