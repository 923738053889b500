// The keyspace with its storage tiers: the one place that makes a Keyspace, for the server (server.ts)
// and the standalone plugin host of tests and benchmarks. The keyspace knows its tiers only as the
// ValueTiers it declares (keyspace/value-tiers.ts); the Tiering is made here and passed in.
import { Keyspace } from "../keyspace/keyspace.js";
import { NO_KEY_EVENTS, type KeyEvents } from "../keyspace/key-events.js";
import { ValueTypes } from "../keyspace/value-types.js";
import { UNBOUNDED_TIERS } from "./settings.js";
import { Tiering, type TierSettings } from "./tiering.js";

export function tieredKeyspace(count: number, settings: TierSettings = UNBOUNDED_TIERS, events: KeyEvents = NO_KEY_EVENTS): Keyspace {
  const types = new ValueTypes();
  return new Keyspace(count, types, new Tiering(types, settings), events);
}
