// TTL key: the expiry as seconds left, rounded; -1 without one, -2 without the key.
import { replyTtl } from "../ttl-reply";

export function run(_argc: i32, argv: usize): void {
  replyTtl(argv, false, false);
}
