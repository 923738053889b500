// SETEX key seconds value
import { UNIT_SECONDS } from "../expire";
import { setWithExpire } from "../set-with-expire";

export function run(_argc: i32, argv: usize): void {
  setWithExpire(argv, UNIT_SECONDS, "ERR invalid expire time in 'setex' command");
}
