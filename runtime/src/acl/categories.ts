// ACL categories of a command: the ones its manifest (or core spec) lists, plus those Redis derives from
// its flags (setImplicitACLCategories), so a plugin manifest that lists only `@hash` is still `@write`
// and `@slow` when its flags say so. A plugin may also name categories of its own (`@geo`-like families
// Redis does not have): they become ACL categories as soon as a loaded command carries them.
import type { CommandSpec } from "../../../host-api/manifest.js";

/** Redis 7.2's categories, in ACL CAT's order. */
export const BUILTIN_CATEGORIES = [
  "keyspace", "read", "write", "set", "sortedset", "list", "hash", "string", "bitmap", "hyperloglog", "geo",
  "stream", "pubsub", "admin", "fast", "slow", "blocking", "dangerous", "connection", "transaction", "scripting",
];

const cache = new WeakMap<CommandSpec, ReadonlySet<string>>();

/** Category names (without `@`) of one command or subcommand. */
export function categoriesOf(spec: CommandSpec): ReadonlySet<string> {
  let set = cache.get(spec);
  if (set) return set;
  const out = new Set(spec.acl_categories.map((c) => c.replace(/^@/, "").toLowerCase()));
  const flags = new Set(spec.flags);
  if (flags.has("write")) out.add("write");
  if (flags.has("readonly") && !out.has("scripting")) out.add("read");
  if (flags.has("admin")) {
    out.add("admin");
    out.add("dangerous");
  }
  if (flags.has("pubsub")) out.add("pubsub");
  if (flags.has("fast")) out.add("fast");
  if (flags.has("blocking")) out.add("blocking");
  if (!out.has("fast")) out.add("slow");
  set = out;
  cache.set(spec, set);
  return set;
}
