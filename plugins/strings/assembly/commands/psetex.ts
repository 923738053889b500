// PSETEX key milliseconds value
import { UNIT_MS } from "../expire";
import { setWithExpire } from "../set-with-expire";

export function run(_argc: i32, argv: usize): void {
  setWithExpire(argv, UNIT_MS, "ERR invalid expire time in 'psetex' command");
}
