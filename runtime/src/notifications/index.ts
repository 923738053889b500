// Keyspace notifications: a server's Notifications (notify.ts) is the one way in; this wires it to the
// `notify-keyspace-events` config.
import type { Config } from "../config/config.js";
import { flagsOfConfig } from "../config/event-classes.js";
import type { Notifications } from "./notify.js";

export { Notifications } from "./notify.js";
export * from "../config/event-classes.js";

/** Follow `notify-keyspace-events`, as set at startup and by CONFIG SET. */
export function watchNotifyConfig(config: Config, notifications: Notifications): void {
  config.follow(["notify-keyspace-events"], () => notifications.setFlags(flagsOfConfig(config.get("notify-keyspace-events"))));
}
