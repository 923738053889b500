// The plugin's exports beyond its commands: keyspace events (keyspace-events.ts) and the index
// definitions saved with snapshots (persistence.ts).
export { ferrite_on_event } from "./keyspace-events";
export { ferrite_aux_load, ferrite_aux_save } from "./persistence";
