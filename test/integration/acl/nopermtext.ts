// NOPERM texts: Ferrite answers Redis 7.2's; the reference redis-server (Debian's 7.0.15) still words
// them as 7.0 did, so tests that also run with TEST_AGAINST=redis expect the target's own wording.
import { against } from "../../helpers/target.js";

export const nopermCommand = (user: string, command: string): string =>
  against === "redis" ? `NOPERM this user has no permissions to run the '${command}' command` : `NOPERM User ${user} has no permissions to run the '${command}' command`;

export const NOPERM_KEY = against === "redis" ? "NOPERM this user has no permissions to access one of the keys used as arguments" : "NOPERM No permissions to access a key";

export const NOPERM_CHANNEL =
  against === "redis" ? "NOPERM this user has no permissions to access one of the channels used as arguments" : "NOPERM No permissions to access a channel";
