// BF.MADD key item [item ...]: BF.ADD's result for each item.
import { DEFAULT_ERROR_RATE, defaultCapacity, defaultExpansion } from "../bloom/defaults";
import { insertItems } from "../bloom/insert";

export function run(argc: i32, argv: usize): void {
  insertItems(argc, argv, 2, true, true, defaultCapacity(), DEFAULT_ERROR_RATE, defaultExpansion(), false);
}
