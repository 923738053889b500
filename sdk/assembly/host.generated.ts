// GENERATED from host-api/abi.json by host-api/generate.ts — do not edit.

export const ABI_MAJOR: i32 = 1;
export const ABI_MINOR: i32 = 9;

export const MISSING: i32 = -1;
export const WRONGTYPE: i32 = -2;
export const BADPAYLOAD: i32 = -3;
export const EXISTS: i32 = -4;
export const BADDB: i32 = -5;
export const UNTRACKED: i32 = -6;
export const RESIDENT: i32 = -7;
export const BOUND: i32 = -8;
export const CALLFAILED: i32 = -9;

/** Simple string reply (`+text`). The text must not contain CR or LF. */
// @ts-ignore: decorator
@external("ferrite", "reply_simple")
export declare function reply_simple(ptr: i32, len: i32): void;

/** The `+OK` reply. */
// @ts-ignore: decorator
@external("ferrite", "reply_ok")
export declare function reply_ok(): void;

/** Error reply (`-CODE text`). The text starts with its code, e.g. `ERR syntax error` or `WRONGTYPE Operation against a key holding the wrong kind of value`. */
// @ts-ignore: decorator
@external("ferrite", "reply_error")
export declare function reply_error(ptr: i32, len: i32): void;

/** Integer reply (`:n`), full 64-bit range. The SDK uses reply_small_int when the value fits in 32 bits, because an i64 crossing into JavaScript allocates a BigInt. */
// @ts-ignore: decorator
@external("ferrite", "reply_int")
export declare function reply_int(value: i64): void;

/** Integer reply (`:n`) for a value that fits in 32 bits: no BigInt on the way. */
// @ts-ignore: decorator
@external("ferrite", "reply_small_int")
export declare function reply_small_int(value: i32): void;

/** Bulk string reply, binary safe. */
// @ts-ignore: decorator
@external("ferrite", "reply_bulk")
export declare function reply_bulk(ptr: i32, len: i32): void;

/** Null: `$-1` in RESP2, `_` in RESP3. */
// @ts-ignore: decorator
@external("ferrite", "reply_null")
export declare function reply_null(): void;

/** Null array: `*-1` in RESP2, `_` in RESP3. */
// @ts-ignore: decorator
@external("ferrite", "reply_null_array")
export declare function reply_null_array(): void;

/** Array header; the next `count` replies are its elements. */
// @ts-ignore: decorator
@external("ferrite", "reply_array")
export declare function reply_array(count: i32): void;

/** Map header (`%n` in RESP3, an array of 2n elements in RESP2); the next 2*pairs replies are key, value, key, value… */
// @ts-ignore: decorator
@external("ferrite", "reply_map")
export declare function reply_map(pairs: i32): void;

/** Set header (`~n` in RESP3, an array in RESP2). */
// @ts-ignore: decorator
@external("ferrite", "reply_set")
export declare function reply_set(count: i32): void;

/** Double (`,x` in RESP3; a bulk string in RESP2), formatted as Redis 7.2 does (shortest round-trip, `inf`, `-inf`, `nan`). */
// @ts-ignore: decorator
@external("ferrite", "reply_double")
export declare function reply_double(value: f64): void;

/** A double whose text the plugin formats itself (`,text` in RESP3; a bulk string in RESP2), for replies Redis prints in another format than the shortest round-trip one (GEOPOS coordinates use long-double text). The text must be a valid RESP3 double. */
// @ts-ignore: decorator
@external("ferrite", "reply_double_text")
export declare function reply_double_text(ptr: i32, len: i32): void;

/** Boolean (`#t`/`#f` in RESP3; `:1`/`:0` in RESP2). */
// @ts-ignore: decorator
@external("ferrite", "reply_bool")
export declare function reply_bool(value: i32): void;

/** Big number (`(digits` in RESP3; a bulk string in RESP2). */
// @ts-ignore: decorator
@external("ferrite", "reply_big_number")
export declare function reply_big_number(ptr: i32, len: i32): void;

/** Verbatim text (`=n\r\ntxt:…` in RESP3; a bulk string in RESP2). */
// @ts-ignore: decorator
@external("ferrite", "reply_verbatim")
export declare function reply_verbatim(ptr: i32, len: i32): void;

/** The RESP version of the calling client: 2 or 3. */
// @ts-ignore: decorator
@external("ferrite", "reply_protocol")
export declare function reply_protocol(): i32;

/** Look a key up in the current database. Returns the value handle, MISSING (absent or expired — an expired key is deleted on the spot), or WRONGTYPE when the key holds a type other than `type` (-1 accepts any). flags: 1 = write intent (the caller will modify the value in place, or checks a key it is about to write, like Redis's lookupKeyWrite; without it a miss raises the keyspace event `keymiss`, as lookupKeyRead does), 2 = do not update access statistics (like Redis's LOOKUP_NOTOUCH). A value the host demoted to the warm or cold tier is promoted back first (loaded through its owner), so the handle is always live; only when `type` is -1 and the value belongs to another plugin's type is a demoted value left where it is and 0 returned (such a handle is meaningless to the caller). */
// @ts-ignore: decorator
@external("ferrite", "key_find")
export declare function key_find(key_ptr: i32, key_len: i32, type: i32, flags: i32): f64;

/** Bind `handle` (a value of this plugin's `type`) to the key. The previous value, of whatever type, is released through its owner's `free` callback unless it is the same handle. flags: 1 = KEEPTTL (otherwise the TTL is cleared), 2 = NX (only if absent), 4 = XX (only if present). Returns 1 if bound, 0 if NX/XX prevented it (the caller still owns `handle`). */
// @ts-ignore: decorator
@external("ferrite", "key_set")
export declare function key_set(key_ptr: i32, key_len: i32, type: i32, handle: f64, flags: i32): i32;

/** key_set for a value whose size the plugin knows, without the host calling back into the plugin: `bytes` is what the type's `memory usage` callback would answer for `handle`, and a previous value of this same `type`, in plugin memory, is handed back to the caller to free instead of being freed through the `free` callback (a previous value of another type, or a demoted one, is released by the host as with key_set). flags as key_set. Returns the previous handle (>= 0) for the caller to free, BOUND when the value was bound and there is nothing to free, EXISTS when NX or MISSING when XX prevented it (the caller still owns `handle`). */
// @ts-ignore: decorator
@external("ferrite", "key_put")
export declare function key_put(key_ptr: i32, key_len: i32, type: i32, handle: f64, flags: i32, bytes: f64): f64;

/** Delete the key, releasing its value through its owner's `free`. Returns 1 if a key was deleted, 0 if there was none. */
// @ts-ignore: decorator
@external("ferrite", "key_delete")
export declare function key_delete(key_ptr: i32, key_len: i32): i32;

/** The key's type name (e.g. `string`, `hash`) into the result buffer; returns its length, or MISSING. */
// @ts-ignore: decorator
@external("ferrite", "key_type")
export declare function key_type(key_ptr: i32, key_len: i32): i32;

/** The key's absolute expiry time in Unix ms; -1 when it has none; -2 when the key does not exist (TTL's conventions). */
// @ts-ignore: decorator
@external("ferrite", "key_get_expire")
export declare function key_get_expire(key_ptr: i32, key_len: i32): f64;

/** Set the key's absolute expiry in Unix ms; -1 removes it (PERSIST). A time not in the future deletes the key at once. Returns 1 if the key exists (and was changed or deleted), 0 if it does not exist. */
// @ts-ignore: decorator
@external("ferrite", "key_set_expire")
export declare function key_set_expire(key_ptr: i32, key_len: i32, at_ms: f64): i32;

/** Update the key's access statistics. Returns 1 if it exists, else 0. */
// @ts-ignore: decorator
@external("ferrite", "key_touch")
export declare function key_touch(key_ptr: i32, key_len: i32): i32;

/** Set the key's access statistics, as RESTORE IDLETIME/FREQ do: idle_seconds >= 0 makes the last access that long ago; freq in 0..255 sets the LFU counter (-1 leaves it). Returns 1 if the key exists, else 0. */
// @ts-ignore: decorator
@external("ferrite", "key_set_access")
export declare function key_set_access(key_ptr: i32, key_len: i32, idle_seconds: f64, freq: i32): i32;

/** Move the value and TTL of src to dst in the current database, replacing dst. flags: 2 = NX. Returns 1 if renamed, 0 if NX found dst present, MISSING if src does not exist. */
// @ts-ignore: decorator
@external("ferrite", "key_rename")
export declare function key_rename(src_ptr: i32, src_len: i32, dst_ptr: i32, dst_len: i32, flags: i32): i32;

/** Copy src's value (through its owner's `copy` callback) and TTL to dst in database `db` (-1 = current). flags: 1 = REPLACE. Returns 1 if copied, 0 if dst exists without REPLACE, MISSING if src does not exist, BADDB for an invalid db. */
// @ts-ignore: decorator
@external("ferrite", "key_copy")
export declare function key_copy(src_ptr: i32, src_len: i32, dst_ptr: i32, dst_len: i32, db: i32, flags: i32): i32;

/** Move the key with its TTL to database `db`. Returns 1 if moved, 0 if it does not exist or the target holds the key, BADDB for an invalid db. */
// @ts-ignore: decorator
@external("ferrite", "key_move")
export declare function key_move(key_ptr: i32, key_len: i32, db: i32): i32;

/** Serialize the key's value (owner's `save`, wrapped with type name, encoding version and checksum) into the result buffer. Returns its length, or MISSING. */
// @ts-ignore: decorator
@external("ferrite", "key_dump")
export declare function key_dump(key_ptr: i32, key_len: i32): i32;

/** Create the key from a key_dump payload (owner's `load`). ttl_ms: 0 = none, else relative ms (absolute Unix ms with flag 2 = ABSTTL). flags: 1 = REPLACE. Returns 1, EXISTS when the key exists without REPLACE, BADPAYLOAD when the payload is corrupt or names a type no loaded plugin defines. */
// @ts-ignore: decorator
@external("ferrite", "key_restore")
export declare function key_restore(key_ptr: i32, key_len: i32, payload_ptr: i32, payload_len: i32, ttl_ms: f64, flags: i32): i32;

/** OBJECT introspection. field 0 = encoding (name into the result buffer, returns its length), 1 = access frequency (LFU counter), 2 = idle time in seconds, 3 = reference count. Returns MISSING if the key does not exist. Since 1.2, for a plugin declaring 1.2 or later: field 1 under a maxmemory-policy that is not LFU, and field 2 under one that is, return UNTRACKED and leave Redis's error text in the result buffer (OBJECT FREQ / IDLETIME reply it). */
// @ts-ignore: decorator
@external("ferrite", "key_object")
export declare function key_object(key_ptr: i32, key_len: i32, field: i32): f64;

/** Page access to demoted values (tiered storage): the length of the key's value in its type's serialized form (what ferrite_type_save wrote) when the host has demoted it to the warm or cold tier, without promoting it. Returns RESIDENT when the value is in plugin memory (use key_find), MISSING, or WRONGTYPE when the key holds a type other than `type` (-1 accepts any). Counts as an access, like key_find. */
// @ts-ignore: decorator
@external("ferrite", "page_info")
export declare function page_info(key_ptr: i32, key_len: i32, type: i32): f64;

/** Copy up to `len` bytes of a demoted value's serialized form, starting at byte `offset`, to dst_ptr, without promoting the value: only the pages holding that range are read from the segment file. Returns the number of bytes copied (fewer at the end of the value, 0 past it), or RESIDENT, MISSING or WRONGTYPE as page_info does. */
// @ts-ignore: decorator
@external("ferrite", "page_read")
export declare function page_read(key_ptr: i32, key_len: i32, type: i32, offset: f64, len: i32, dst_ptr: i32): i32;

/** One SCAN step over the current database from `cursor` (0 starts), visiting about `count` slots (count <= 0: the whole database, for KEYS). Keys matching the glob `pattern` (len 0 = all) and of type name `type` (len 0 = any) go to the result buffer as: u32 count, then per key u32 length and bytes (little-endian). Returns the next cursor, 0 when the scan is complete. A key present for the whole scan is returned at least once. */
// @ts-ignore: decorator
@external("ferrite", "key_scan")
export declare function key_scan(cursor: f64, pattern_ptr: i32, pattern_len: i32, type_ptr: i32, type_len: i32, count: i32): f64;

/** A random live key of the current database into the result buffer; returns its length, or MISSING if the database is empty. */
// @ts-ignore: decorator
@external("ferrite", "key_random")
export declare function key_random(): i32;

/** Inside ferrite_keys only (elsewhere it fails the call like abort): argument `index` of the command line is a key, accessed as the command's manifest key spec number `spec` says (its flags: RO, OW, access, update …, as COMMAND GETKEYSANDFLAGS reports them). Call it once per key, in the order Redis's getkeys proc would give them. */
// @ts-ignore: decorator
@external("ferrite", "key_position")
export declare function key_position(index: i32, spec: i32): void;

/** Number of keys in the current database (keys not yet reclaimed after expiry included, like Redis's DBSIZE). */
// @ts-ignore: decorator
@external("ferrite", "db_size")
export declare function db_size(): f64;

/** Index of the calling client's current database. */
// @ts-ignore: decorator
@external("ferrite", "db_current")
export declare function db_current(): i32;

/** Number of databases (config databases): valid indexes are 0 to db_count()-1. */
// @ts-ignore: decorator
@external("ferrite", "db_count")
export declare function db_count(): i32;

/** Copy the whole host result buffer (as produced by the last call that returned a length) to dst_ptr. */
// @ts-ignore: decorator
@external("ferrite", "result_read")
export declare function result_read(dst_ptr: i32): void;

/** Length in bytes of the host result buffer (what result_read would copy): for calls such as key_scan whose return value is not the length. */
// @ts-ignore: decorator
@external("ferrite", "result_len")
export declare function result_len(): i32;

/** During a `ferrite_type_save` (or, since 1.2, `ferrite_aux_save`) callback: append bytes to the serialized form. May be called any number of times. */
// @ts-ignore: decorator
@external("ferrite", "save_write")
export declare function save_write(ptr: i32, len: i32): void;

/** Block the calling client until one of the keys among its own arguments first_arg..last_arg (inclusive, every step-th; a negative index counts from the end, -1 being the last argument) is signalled ready, or timeout_ms passes (0 = forever). The command then returns without replying. When a key is signalled the host runs the same command again for this client, in FIFO order of the clients blocked on that key; a run that replies unblocks the client, a run that calls block_on_keys again keeps its place. On timeout the host replies a null array (flags & 1: a null bulk instead). `data` is kept and handed back by block_context on every run after the first. Returns 1 if blocked, 0 if this client cannot block here (the command must then give its timeout reply at once). */
// @ts-ignore: decorator
@external("ferrite", "block_on_keys")
export declare function block_on_keys(first_arg: i32, last_arg: i32, step: i32, timeout_ms: f64, flags: i32, data_ptr: i32, data_len: i32): i32;

/** -1 when the current command is a fresh call; when it is a run after block_on_keys, the length of the data given to block_on_keys, placed in the result buffer (result_read). */
// @ts-ignore: decorator
@external("ferrite", "block_context")
export declare function block_context(): i32;

/** Signal that the key changed in place in a way that may let blocked clients proceed (e.g. LPUSH into an existing list). key_set, key_rename, key_copy, key_move and key_restore signal their target key themselves. */
// @ts-ignore: decorator
@external("ferrite", "key_signal_ready")
export declare function key_signal_ready(key_ptr: i32, key_len: i32): void;

/** Raise the keyspace event `event` (e.g. `hset`) of class `event_class` (one NOTIFY_* bit, Redis's values: 4 g, 8 $, 16 l, 32 s, 64 h, 128 z, 1024 t, 8192 d) about the key, in the calling client's database: published on `__keyspace@<db>__:<key>` and `__keyevent@<db>__:<event>` when `notify-keyspace-events` enables the class, and queued for plugins subscribed to it. Emit after the write it reports, in Redis's order; the host emits the generic events itself (`new`, `del`, `expire`, `persist`, `rename_from/to`, `move_from/to`, `copy_to`, `restore`, `expired`, `evicted`: see ADR 0006). Costs one check when no one listens to the class. */
// @ts-ignore: decorator
@external("ferrite", "event_emit")
export declare function event_emit(event_class: i32, event_ptr: i32, event_len: i32, key_ptr: i32, key_len: i32): void;

/** Subscribe the plugin to the keyspace events of the classes in the mask `classes` (NOTIFY_* bits, as event_emit; 0 unsubscribes; a later call replaces the mask), whatever `notify-keyspace-events` says. The host calls the plugin's `ferrite_on_event` for each such event after the command that raised it has finished, never inside another call. Usually called from ferrite_init; MODULE UNLOAD ends it. */
// @ts-ignore: decorator
@external("ferrite", "event_subscribe")
export declare function event_subscribe(classes: i32): void;

/** Subscribe the plugin to database events (a mask; 0 unsubscribes; a later call replaces the mask), for a plugin that keeps indexes per database (RedisModule_SubscribeToServerEvent's FlushDB and SwapDB): 1 = FLUSHED, database `db`'s keys are about to be dropped (FLUSHDB, and FLUSHALL once per database, SYNC or ASYNC; any later path that replaces a database whole, such as a load, raises it first); 2 = SWAPPED, databases `db` and `other` traded their contents (SWAPDB, one event per swap, db < other). The host calls the export ferrite_on_db_event at the moment it happens, before any later write, so an index never sees a write meant for the database's new contents while it still holds the old ones. MODULE UNLOAD ends it. */
// @ts-ignore: decorator
@external("ferrite", "db_event_subscribe")
export declare function db_event_subscribe(events: i32): void;

/** Run a command as part of this one (the Redis module API's RedisModule_Call): another plugin's, or (since the 1.6 host) a core command run as the calling client, which refuses connection commands (`noscript`) and answers `ERR call_command runs core commands only on behalf of a client` when no client is behind the call (ADR 0031): argv points at argc (u32 ptr, u32 len) pairs in plugin memory, argument 0 being the command name. Its complete reply, encoded as RESP2 (flags & 1: RESP3), goes to the result buffer; with flags & 2 (host API 1.2) the command raises no keyspace events, for a command built from others that raises its own instead (SORT STORE: `sortstore`, not `del` and `rpush`); with flags & 4 (host API 1.5) it runs as a script's redis.call, with Redis's script checks and texts (`ERR Unknown Redis command called from script`, `ERR Wrong number of args calling Redis command from script`, `ERR This Redis command is not allowed from script`, `ERR ACL failure in script: …`), and with flags & 8 also as a read-only script's (`ERR Write commands are not allowed from read-only scripts.` for write and may_replicate commands); with flags & 16 (host API 1.9, CHECK_ONLY) nothing runs: the command is routed and checked as the call would be, and the reply says what the call would meet: an unknown command's error first, then `:0` when the calling user's ACL refuses the command, a key or a channel (nothing is added to the ACL log: Redis's ACLCheckAllUserCommandPerm, for redis.acl_check_cmd), then the call's other refusals as their errors (arity, the script rules of flags 4 and 8, OOM, NOREPLICAS…), else `:1`; returns its length. Errors are replies too (`-ERR unknown command …`, arity, WRONGTYPE, a failing plugin). It runs in the caller's database, cannot block (blocking commands answer their timeout reply at once), and cannot call the calling plugin's own commands (`-ERR …` reply). */
// @ts-ignore: decorator
@external("ferrite", "call_command")
export declare function call_command(argv: i32, argc: i32, flags: i32): i32;

/** Call a function another loaded plugin declares in its manifest (`functions`: name and dispatch id; the plugin exports ferrite_function), bytes in, bytes out: the callee gets a copy of the `in_len` input bytes in its arena and appends its output with plugin_output; plugin_call returns what the callee's ferrite_function returned (>= 0, or one of its statuses: MISSING, WRONGTYPE…) and leaves the output in the result buffer (result_len, result_read). CALLFAILED when the call could not run or failed, the result buffer then holding the error text: no plugin of that name (`ERR plugin_call: no plugin named 'x' is loaded`), no such function (`ERR plugin_call: plugin 'x' has no function 'f'`), the plugin itself (`… cannot call its own function …`) or one whose code is already running (a call loop back into it), calls nested deeper than 8, or the callee's trap, abort or CPU budget overrun (its error text, as a command would get it; the callee's heap check and recovery follow as after any failed call). The callee runs nested in the caller's call: the same CPU budget and deadline, the caller's database, client and ACL user, the frozen clock; its replies go nowhere, it cannot block, and it is read-only: key writes (key_find for writing, key_set, key_put, key_delete, key_set_expire, key_rename, key_copy, key_move, key_restore) fail it like abort, and call_command refuses write commands. Plugin names are looked up at every call, so a callee unloaded or reloaded between two calls is simply found, or not, at the next one. */
// @ts-ignore: decorator
@external("ferrite", "plugin_call")
export declare function plugin_call(plugin_ptr: i32, plugin_len: i32, fn_ptr: i32, fn_len: i32, in_ptr: i32, in_len: i32): i32;

/** Append `len` bytes to the output of the plugin_call this plugin is answering (inside ferrite_function, and since 1.9 ferrite_config_check; elsewhere it fails like abort). The output reaches the caller's result buffer when ferrite_function returns; nothing of it does when the call fails. */
// @ts-ignore: decorator
@external("ferrite", "plugin_output")
export declare function plugin_output(ptr: i32, len: i32): void;

/** Run the plugin's export ferrite_timer(id, payload) once, `delay_ms` milliseconds from now (0: on the next turn of the event loop), like RedisModule_CreateTimer. Returns the timer's id (an integer >= 1, never reused by the server). The callback runs on the event loop, between clients' commands, as a bounded plugin call of its own (plugin-call-budget-ms; a trap or an overrun is logged and ends that callback only), in the database that was current when the timer was created, with no client: replies go nowhere, block_on_keys answers 0, call_command runs plugins' commands only. What it writes goes through the host's write funnel like a command's writes (WATCH, keyspace events, blocked clients, dirty count) and reaches the AOF as the effect on each key it wrote (RESTORE … REPLACE ABSTTL, or DEL), inside MULTI/EXEC. Timers are one-shot (re-arm from the callback for a periodic one), not persisted, and dropped when the plugin is unloaded. `delay_ms` must be finite and >= 0, else the call fails like abort. */
// @ts-ignore: decorator
@external("ferrite", "timer_create")
export declare function timer_create(delay_ms: f64, payload: i64): f64;

/** Cancel one of the plugin's own timers before it runs. Returns 1 if it was pending, 0 if it already ran, was cancelled, or is not this plugin's. */
// @ts-ignore: decorator
@external("ferrite", "timer_cancel")
export declare function timer_cancel(id: f64): i32;

/** Log this command line (argc (u32 ptr, u32 len) pairs in plugin memory, argument 0 the command name), in the current database, to the AOF in place of what the host would log for the running command: what happened rather than what was received (RedisModule_Replicate), e.g. TS.ADD with `*` resolved to the timestamp used. Each call adds one line, logged in call order; a command that never calls it is logged as before (as received, or as its effects when its manifest marks it nondeterministic or blocking: ReplicateVerbatim is the default). Inside MULTI/EXEC the lines replace that command's inside the transaction. In a script's call (call_command flag 4, as scripts' effects are logged command by command) they replace that inner command; in any other call_command they are dropped (the outer command is logged as received). In a timer callback they replace the callback's logged effects. Lines of a command that ends without changing the dataset are dropped. The host does not check them: they must replay to the same data. */
// @ts-ignore: decorator
@external("ferrite", "replicate")
export declare function replicate(argv: i32, argc: i32): void;

/** Unix time in ms, frozen for the current command. */
// @ts-ignore: decorator
@external("ferrite", "time_ms")
export declare function time_ms(): f64;

/** Unix time in µs, frozen for the current command. */
// @ts-ignore: decorator
@external("ferrite", "time_us")
export declare function time_us(): f64;

/** A monotonic clock in µs (fractional), read afresh at every call, from an arbitrary origin: for a plugin that times itself while time_ms/time_us stay frozen for the command (GRAPH.QUERY's TIMEOUT and its execution-time statistic). Never goes back; differences are wall time, not CPU time. */
// @ts-ignore: decorator
@external("ferrite", "clock_us")
export declare function clock_us(): f64;

/** Fill plugin memory with random bytes (not for cryptographic use). */
// @ts-ignore: decorator
@external("ferrite", "random_fill")
export declare function random_fill(ptr: i32, len: i32): void;

/** Start an INFO section, inside ferrite_info only (elsewhere it fails the call like abort). Named as Redis names a module's sections: `<plugin>_<name>`, or `<plugin>` when len is 0; INFO prints it as `# <that name>`. The name must not contain CR, LF or spaces. */
// @ts-ignore: decorator
@external("ferrite", "info_section")
export declare function info_section(ptr: i32, len: i32): void;

/** Add the line `<plugin>_<name>:<value>` to the section info_section last started (Redis prefixes a module's fields with its name too), inside ferrite_info only. Neither part may contain CR or LF, nor the name a colon. */
// @ts-ignore: decorator
@external("ferrite", "info_field")
export declare function info_field(name_ptr: i32, name_len: i32, value_ptr: i32, value_len: i32): void;

/** Add one memory figure, inside ferrite_memory only (elsewhere it fails the call like abort), under the name Redis gives it (no plugin prefix: `used_memory_scripts`, `lua.caches`). flags: 1 = a line `name:value` in INFO's `# Memory` section (after total_system_memory_human, where Redis prints its scripting figures), 2 = an entry `name` → value in MEMORY STATS (a name MEMORY STATS already has, such as `lua.caches`, takes this value; another is added after `functions.caches`), 4 = with 1, the value written as Redis writes sizes for humans (`31.00K`, bytesToHuman). The value is an integer (f64 for its range); the name must not contain CR, LF, a colon or a space. */
// @ts-ignore: decorator
@external("ferrite", "memory_field")
export declare function memory_field(flags: i32, name_ptr: i32, name_len: i32, value: f64): void;

/** The current value of the plugin's string config number `index` (its place in the manifest's `configs`) into the result buffer (result_read); returns its length, or MISSING when `index` is not one of its string configs. Not for a command's hot path: the config block's slot of a string config holds a change count (1 once set at load, one more at each change), so a plugin keeps what it derived from the text (a parsed policy) and reads the text again only when the count moved. Usable from ferrite_init on. */
// @ts-ignore: decorator
@external("ferrite", "config_string")
export declare function config_string(index: i32): i32;

/** What the command running now runs inside (RedisModule_GetContextFlags's part a plugin needs): 1 = a script (a script's redis.call reached it, call_command flag 4, directly or through commands that call), 2 = it cannot block (MULTI/EXEC, a script, a function, a timer, a call_command: blocking commands answer their timeout reply at once). Other bits are reserved. E.g. SORT … BY a constant orders a set's elements inside a script, as Redis does for CLIENT_SCRIPT. */
// @ts-ignore: decorator
@external("ferrite", "context_flags")
export declare function context_flags(): i32;

/** Write a line to the server log, prefixed with the plugin name. level: 0 debug, 1 verbose, 2 notice, 3 warning. */
// @ts-ignore: decorator
@external("ferrite", "log")
export declare function log(level: i32, ptr: i32, len: i32): void;

/** Fail the current call with a message (AssemblyScript's abort: msg and file are AssemblyScript strings, UTF-16 with a u32 byte length at ptr-4; 0 when absent). The command gets an error naming the plugin; the host does not return. */
// @ts-ignore: decorator
@external("ferrite", "abort")
export declare function abort(msg_ptr: i32, file_ptr: i32, line: i32, column: i32): void;

/** Call the plugin export ferrite_protected(fn, a, b) and answer 0 when it returns, 1 when it (or anything it called) called `unwind`: the setjmp/longjmp of languages whose runtime needs them (C with wasi-libc has none; Lua 5.1 raises its errors so). After 1 the wasm frames in between are gone, and the plugin must restore its own stack pointer (the SDK C helper ferrite_try does). A trap, an abort or a budget overrun is not caught: it still fails the whole command. Nests. */
// @ts-ignore: decorator
@external("ferrite", "protected_call")
export declare function protected_call(fn: i32, a: i32, b: i32): i32;

/** Unwind the plugin stack to the innermost protected_call, which then answers 1. Never returns. Outside any protected_call it fails the command like abort. */
// @ts-ignore: decorator
@external("ferrite", "unwind")
export declare function unwind(): void;
