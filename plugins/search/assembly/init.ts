// The plugin's exports beyond its commands: keyspace events (keyspace-events.ts), the index
// definitions saved with snapshots (persistence.ts) and the timer that walks existing keys (scan.ts).
export { ferrite_on_db_event, ferrite_on_event } from "./keyspace-events";
export { ferrite_aux_load, ferrite_aux_save } from "./persistence";
export { ferrite_timer } from "./scan";
