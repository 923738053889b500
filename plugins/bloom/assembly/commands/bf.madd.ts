// BF.MADD key item [item ...]: BF.ADD's result for each item.
import { defaultCapacity, defaultErrorRate, defaultExpansion } from "../bloom/defaults";
import { insertItems } from "../bloom/insert";

export function run(argc: i32, argv: usize): void {
  insertItems(argc, argv, 2, true, true, defaultCapacity(), defaultErrorRate(), defaultExpansion(), false);
}
