// Keyspace notifications: notify() is the one way in; the rest of the runtime wires the config and the
// deferred delivery to subscribed plugins.
import type { Config } from "../config/config.js";
import { flagsOfConfig } from "./event-classes.js";
import { setNotifyFlags } from "./notify.js";

export { notify, listenedTo, silenceEvents } from "./notify.js";
export { deliverPluginEvents, subscribePlugin } from "./plugin-subscribers.js";
export { mirrorListened, forgetMirror } from "./listened-mirror.js";
export * from "./event-classes.js";

/** Follow `notify-keyspace-events`, as set at startup and by CONFIG SET. */
export function watchNotifyConfig(config: Config): void {
  config.follow(["notify-keyspace-events"], () => setNotifyFlags(flagsOfConfig(config.get("notify-keyspace-events"))));
}
