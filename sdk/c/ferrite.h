/* GENERATED from host-api/abi.json by host-api/generate.ts — do not edit. */
/* The Ferrite host API for plugins written in C (clang --target=wasm32-wasi): every import as a
 * ferrite_<name> function, every export a plugin may define, the status codes. */
#ifndef FERRITE_H
#define FERRITE_H
#include <stdint.h>

#define FERRITE_ABI_MAJOR 1
#define FERRITE_ABI_MINOR 9

#define FERRITE_MISSING (-1)
#define FERRITE_WRONGTYPE (-2)
#define FERRITE_BADPAYLOAD (-3)
#define FERRITE_EXISTS (-4)
#define FERRITE_BADDB (-5)
#define FERRITE_UNTRACKED (-6)
#define FERRITE_RESIDENT (-7)
#define FERRITE_BOUND (-8)
#define FERRITE_CALLFAILED (-9)

/** Simple string reply (`+text`). The text must not contain CR or LF. */
__attribute__((import_module("ferrite"), import_name("reply_simple")))
void ferrite_reply_simple(const void *ptr, int32_t len);

/** The `+OK` reply. */
__attribute__((import_module("ferrite"), import_name("reply_ok")))
void ferrite_reply_ok(void);

/** Error reply (`-CODE text`). The text starts with its code, e.g. `ERR syntax error` or `WRONGTYPE Operation against a key holding the wrong kind of value`. */
__attribute__((import_module("ferrite"), import_name("reply_error")))
void ferrite_reply_error(const void *ptr, int32_t len);

/** Integer reply (`:n`), full 64-bit range. The SDK uses reply_small_int when the value fits in 32 bits, because an i64 crossing into JavaScript allocates a BigInt. */
__attribute__((import_module("ferrite"), import_name("reply_int")))
void ferrite_reply_int(int64_t value);

/** Integer reply (`:n`) for a value that fits in 32 bits: no BigInt on the way. */
__attribute__((import_module("ferrite"), import_name("reply_small_int")))
void ferrite_reply_small_int(int32_t value);

/** Bulk string reply, binary safe. */
__attribute__((import_module("ferrite"), import_name("reply_bulk")))
void ferrite_reply_bulk(const void *ptr, int32_t len);

/** Null: `$-1` in RESP2, `_` in RESP3. */
__attribute__((import_module("ferrite"), import_name("reply_null")))
void ferrite_reply_null(void);

/** Null array: `*-1` in RESP2, `_` in RESP3. */
__attribute__((import_module("ferrite"), import_name("reply_null_array")))
void ferrite_reply_null_array(void);

/** Array header; the next `count` replies are its elements. */
__attribute__((import_module("ferrite"), import_name("reply_array")))
void ferrite_reply_array(int32_t count);

/** Map header (`%n` in RESP3, an array of 2n elements in RESP2); the next 2*pairs replies are key, value, key, value… */
__attribute__((import_module("ferrite"), import_name("reply_map")))
void ferrite_reply_map(int32_t pairs);

/** Set header (`~n` in RESP3, an array in RESP2). */
__attribute__((import_module("ferrite"), import_name("reply_set")))
void ferrite_reply_set(int32_t count);

/** Double (`,x` in RESP3; a bulk string in RESP2), formatted as Redis 7.2 does (shortest round-trip, `inf`, `-inf`, `nan`). */
__attribute__((import_module("ferrite"), import_name("reply_double")))
void ferrite_reply_double(double value);

/** A double whose text the plugin formats itself (`,text` in RESP3; a bulk string in RESP2), for replies Redis prints in another format than the shortest round-trip one (GEOPOS coordinates use long-double text). The text must be a valid RESP3 double. */
__attribute__((import_module("ferrite"), import_name("reply_double_text")))
void ferrite_reply_double_text(const void *ptr, int32_t len);

/** Boolean (`#t`/`#f` in RESP3; `:1`/`:0` in RESP2). */
__attribute__((import_module("ferrite"), import_name("reply_bool")))
void ferrite_reply_bool(int32_t value);

/** Big number (`(digits` in RESP3; a bulk string in RESP2). */
__attribute__((import_module("ferrite"), import_name("reply_big_number")))
void ferrite_reply_big_number(const void *ptr, int32_t len);

/** Verbatim text (`=n\r\ntxt:…` in RESP3; a bulk string in RESP2). */
__attribute__((import_module("ferrite"), import_name("reply_verbatim")))
void ferrite_reply_verbatim(const void *ptr, int32_t len);

/** The RESP version of the calling client: 2 or 3. */
__attribute__((import_module("ferrite"), import_name("reply_protocol")))
int32_t ferrite_reply_protocol(void);

/** Look a key up in the current database. Returns the value handle, MISSING (absent or expired — an expired key is deleted on the spot), or WRONGTYPE when the key holds a type other than `type` (-1 accepts any). flags: 1 = write intent (the caller will modify the value in place, or checks a key it is about to write, like Redis's lookupKeyWrite; without it a miss raises the keyspace event `keymiss`, as lookupKeyRead does), 2 = do not update access statistics (like Redis's LOOKUP_NOTOUCH). A value the host demoted to the warm or cold tier is promoted back first (loaded through its owner), so the handle is always live; only when `type` is -1 and the value belongs to another plugin's type is a demoted value left where it is and 0 returned (such a handle is meaningless to the caller). */
__attribute__((import_module("ferrite"), import_name("key_find")))
double ferrite_key_find(const void *key_ptr, int32_t key_len, int32_t type, int32_t flags);

/** Bind `handle` (a value of this plugin's `type`) to the key. The previous value, of whatever type, is released through its owner's `free` callback unless it is the same handle. flags: 1 = KEEPTTL (otherwise the TTL is cleared), 2 = NX (only if absent), 4 = XX (only if present). Returns 1 if bound, 0 if NX/XX prevented it (the caller still owns `handle`). */
__attribute__((import_module("ferrite"), import_name("key_set")))
int32_t ferrite_key_set(const void *key_ptr, int32_t key_len, int32_t type, double handle, int32_t flags);

/** key_set for a value whose size the plugin knows, without the host calling back into the plugin: `bytes` is what the type's `memory usage` callback would answer for `handle`, and a previous value of this same `type`, in plugin memory, is handed back to the caller to free instead of being freed through the `free` callback (a previous value of another type, or a demoted one, is released by the host as with key_set). flags as key_set. Returns the previous handle (>= 0) for the caller to free, BOUND when the value was bound and there is nothing to free, EXISTS when NX or MISSING when XX prevented it (the caller still owns `handle`). */
__attribute__((import_module("ferrite"), import_name("key_put")))
double ferrite_key_put(const void *key_ptr, int32_t key_len, int32_t type, double handle, int32_t flags, double bytes);

/** Delete the key, releasing its value through its owner's `free`. Returns 1 if a key was deleted, 0 if there was none. */
__attribute__((import_module("ferrite"), import_name("key_delete")))
int32_t ferrite_key_delete(const void *key_ptr, int32_t key_len);

/** The key's type name (e.g. `string`, `hash`) into the result buffer; returns its length, or MISSING. */
__attribute__((import_module("ferrite"), import_name("key_type")))
int32_t ferrite_key_type(const void *key_ptr, int32_t key_len);

/** The key's absolute expiry time in Unix ms; -1 when it has none; -2 when the key does not exist (TTL's conventions). */
__attribute__((import_module("ferrite"), import_name("key_get_expire")))
double ferrite_key_get_expire(const void *key_ptr, int32_t key_len);

/** Set the key's absolute expiry in Unix ms; -1 removes it (PERSIST). A time not in the future deletes the key at once. Returns 1 if the key exists (and was changed or deleted), 0 if it does not exist. */
__attribute__((import_module("ferrite"), import_name("key_set_expire")))
int32_t ferrite_key_set_expire(const void *key_ptr, int32_t key_len, double at_ms);

/** Update the key's access statistics. Returns 1 if it exists, else 0. */
__attribute__((import_module("ferrite"), import_name("key_touch")))
int32_t ferrite_key_touch(const void *key_ptr, int32_t key_len);

/** Set the key's access statistics, as RESTORE IDLETIME/FREQ do: idle_seconds >= 0 makes the last access that long ago; freq in 0..255 sets the LFU counter (-1 leaves it). Returns 1 if the key exists, else 0. */
__attribute__((import_module("ferrite"), import_name("key_set_access")))
int32_t ferrite_key_set_access(const void *key_ptr, int32_t key_len, double idle_seconds, int32_t freq);

/** Move the value and TTL of src to dst in the current database, replacing dst. flags: 2 = NX. Returns 1 if renamed, 0 if NX found dst present, MISSING if src does not exist. */
__attribute__((import_module("ferrite"), import_name("key_rename")))
int32_t ferrite_key_rename(const void *src_ptr, int32_t src_len, void *dst_ptr, int32_t dst_len, int32_t flags);

/** Copy src's value (through its owner's `copy` callback) and TTL to dst in database `db` (-1 = current). flags: 1 = REPLACE. Returns 1 if copied, 0 if dst exists without REPLACE, MISSING if src does not exist, BADDB for an invalid db. */
__attribute__((import_module("ferrite"), import_name("key_copy")))
int32_t ferrite_key_copy(const void *src_ptr, int32_t src_len, void *dst_ptr, int32_t dst_len, int32_t db, int32_t flags);

/** Move the key with its TTL to database `db`. Returns 1 if moved, 0 if it does not exist or the target holds the key, BADDB for an invalid db. */
__attribute__((import_module("ferrite"), import_name("key_move")))
int32_t ferrite_key_move(const void *key_ptr, int32_t key_len, int32_t db);

/** Serialize the key's value (owner's `save`, wrapped with type name, encoding version and checksum) into the result buffer. Returns its length, or MISSING. */
__attribute__((import_module("ferrite"), import_name("key_dump")))
int32_t ferrite_key_dump(const void *key_ptr, int32_t key_len);

/** Create the key from a key_dump payload (owner's `load`). ttl_ms: 0 = none, else relative ms (absolute Unix ms with flag 2 = ABSTTL). flags: 1 = REPLACE. Returns 1, EXISTS when the key exists without REPLACE, BADPAYLOAD when the payload is corrupt or names a type no loaded plugin defines. */
__attribute__((import_module("ferrite"), import_name("key_restore")))
int32_t ferrite_key_restore(const void *key_ptr, int32_t key_len, const void *payload_ptr, int32_t payload_len, double ttl_ms, int32_t flags);

/** OBJECT introspection. field 0 = encoding (name into the result buffer, returns its length), 1 = access frequency (LFU counter), 2 = idle time in seconds, 3 = reference count. Returns MISSING if the key does not exist. Since 1.2, for a plugin declaring 1.2 or later: field 1 under a maxmemory-policy that is not LFU, and field 2 under one that is, return UNTRACKED and leave Redis's error text in the result buffer (OBJECT FREQ / IDLETIME reply it). */
__attribute__((import_module("ferrite"), import_name("key_object")))
double ferrite_key_object(const void *key_ptr, int32_t key_len, int32_t field);

/** Page access to demoted values (tiered storage): the length of the key's value in its type's serialized form (what ferrite_type_save wrote) when the host has demoted it to the warm or cold tier, without promoting it. Returns RESIDENT when the value is in plugin memory (use key_find), MISSING, or WRONGTYPE when the key holds a type other than `type` (-1 accepts any). Counts as an access, like key_find. */
__attribute__((import_module("ferrite"), import_name("page_info")))
double ferrite_page_info(const void *key_ptr, int32_t key_len, int32_t type);

/** Copy up to `len` bytes of a demoted value's serialized form, starting at byte `offset`, to dst_ptr, without promoting the value: only the pages holding that range are read from the segment file. Returns the number of bytes copied (fewer at the end of the value, 0 past it), or RESIDENT, MISSING or WRONGTYPE as page_info does. */
__attribute__((import_module("ferrite"), import_name("page_read")))
int32_t ferrite_page_read(const void *key_ptr, int32_t key_len, int32_t type, double offset, int32_t len, void *dst_ptr);

/** One SCAN step over the current database from `cursor` (0 starts), visiting about `count` slots (count <= 0: the whole database, for KEYS). Keys matching the glob `pattern` (len 0 = all) and of type name `type` (len 0 = any) go to the result buffer as: u32 count, then per key u32 length and bytes (little-endian). Returns the next cursor, 0 when the scan is complete. A key present for the whole scan is returned at least once. */
__attribute__((import_module("ferrite"), import_name("key_scan")))
double ferrite_key_scan(double cursor, const void *pattern_ptr, int32_t pattern_len, const void *type_ptr, int32_t type_len, int32_t count);

/** A random live key of the current database into the result buffer; returns its length, or MISSING if the database is empty. */
__attribute__((import_module("ferrite"), import_name("key_random")))
int32_t ferrite_key_random(void);

/** Inside ferrite_keys only (elsewhere it fails the call like abort): argument `index` of the command line is a key, accessed as the command's manifest key spec number `spec` says (its flags: RO, OW, access, update …, as COMMAND GETKEYSANDFLAGS reports them). Call it once per key, in the order Redis's getkeys proc would give them. */
__attribute__((import_module("ferrite"), import_name("key_position")))
void ferrite_key_position(int32_t index, int32_t spec);

/** Number of keys in the current database (keys not yet reclaimed after expiry included, like Redis's DBSIZE). */
__attribute__((import_module("ferrite"), import_name("db_size")))
double ferrite_db_size(void);

/** Index of the calling client's current database. */
__attribute__((import_module("ferrite"), import_name("db_current")))
int32_t ferrite_db_current(void);

/** Number of databases (config databases): valid indexes are 0 to db_count()-1. */
__attribute__((import_module("ferrite"), import_name("db_count")))
int32_t ferrite_db_count(void);

/** Copy the whole host result buffer (as produced by the last call that returned a length) to dst_ptr. */
__attribute__((import_module("ferrite"), import_name("result_read")))
void ferrite_result_read(void *dst_ptr);

/** Length in bytes of the host result buffer (what result_read would copy): for calls such as key_scan whose return value is not the length. */
__attribute__((import_module("ferrite"), import_name("result_len")))
int32_t ferrite_result_len(void);

/** During a `ferrite_type_save` (or, since 1.2, `ferrite_aux_save`) callback: append bytes to the serialized form. May be called any number of times. */
__attribute__((import_module("ferrite"), import_name("save_write")))
void ferrite_save_write(const void *ptr, int32_t len);

/** Block the calling client until one of the keys among its own arguments first_arg..last_arg (inclusive, every step-th; a negative index counts from the end, -1 being the last argument) is signalled ready, or timeout_ms passes (0 = forever). The command then returns without replying. When a key is signalled the host runs the same command again for this client, in FIFO order of the clients blocked on that key; a run that replies unblocks the client, a run that calls block_on_keys again keeps its place. On timeout the host replies a null array (flags & 1: a null bulk instead). `data` is kept and handed back by block_context on every run after the first. Returns 1 if blocked, 0 if this client cannot block here (the command must then give its timeout reply at once). */
__attribute__((import_module("ferrite"), import_name("block_on_keys")))
int32_t ferrite_block_on_keys(int32_t first_arg, int32_t last_arg, int32_t step, double timeout_ms, int32_t flags, const void *data_ptr, int32_t data_len);

/** -1 when the current command is a fresh call; when it is a run after block_on_keys, the length of the data given to block_on_keys, placed in the result buffer (result_read). */
__attribute__((import_module("ferrite"), import_name("block_context")))
int32_t ferrite_block_context(void);

/** Signal that the key changed in place in a way that may let blocked clients proceed (e.g. LPUSH into an existing list). key_set, key_rename, key_copy, key_move and key_restore signal their target key themselves. */
__attribute__((import_module("ferrite"), import_name("key_signal_ready")))
void ferrite_key_signal_ready(const void *key_ptr, int32_t key_len);

/** Raise the keyspace event `event` (e.g. `hset`) of class `event_class` (one NOTIFY_* bit, Redis's values: 4 g, 8 $, 16 l, 32 s, 64 h, 128 z, 1024 t, 8192 d) about the key, in the calling client's database: published on `__keyspace@<db>__:<key>` and `__keyevent@<db>__:<event>` when `notify-keyspace-events` enables the class, and queued for plugins subscribed to it. Emit after the write it reports, in Redis's order; the host emits the generic events itself (`new`, `del`, `expire`, `persist`, `rename_from/to`, `move_from/to`, `copy_to`, `restore`, `expired`, `evicted`: see ADR 0006). Costs one check when no one listens to the class. */
__attribute__((import_module("ferrite"), import_name("event_emit")))
void ferrite_event_emit(int32_t event_class, const void *event_ptr, int32_t event_len, const void *key_ptr, int32_t key_len);

/** Subscribe the plugin to the keyspace events of the classes in the mask `classes` (NOTIFY_* bits, as event_emit; 0 unsubscribes; a later call replaces the mask), whatever `notify-keyspace-events` says. The host calls the plugin's `ferrite_on_event` for each such event after the command that raised it has finished, never inside another call. Usually called from ferrite_init; MODULE UNLOAD ends it. */
__attribute__((import_module("ferrite"), import_name("event_subscribe")))
void ferrite_event_subscribe(int32_t classes);

/** Subscribe the plugin to database events (a mask; 0 unsubscribes; a later call replaces the mask), for a plugin that keeps indexes per database (RedisModule_SubscribeToServerEvent's FlushDB and SwapDB): 1 = FLUSHED, database `db`'s keys are about to be dropped (FLUSHDB, and FLUSHALL once per database, SYNC or ASYNC; any later path that replaces a database whole, such as a load, raises it first); 2 = SWAPPED, databases `db` and `other` traded their contents (SWAPDB, one event per swap, db < other). The host calls the export ferrite_on_db_event at the moment it happens, before any later write, so an index never sees a write meant for the database's new contents while it still holds the old ones. MODULE UNLOAD ends it. */
__attribute__((import_module("ferrite"), import_name("db_event_subscribe")))
void ferrite_db_event_subscribe(int32_t events);

/** Run a command as part of this one (the Redis module API's RedisModule_Call): another plugin's, or (since the 1.6 host) a core command run as the calling client, which refuses connection commands (`noscript`) and answers `ERR call_command runs core commands only on behalf of a client` when no client is behind the call (ADR 0031): argv points at argc (u32 ptr, u32 len) pairs in plugin memory, argument 0 being the command name. Its complete reply, encoded as RESP2 (flags & 1: RESP3), goes to the result buffer; with flags & 2 (host API 1.2) the command raises no keyspace events, for a command built from others that raises its own instead (SORT STORE: `sortstore`, not `del` and `rpush`); with flags & 4 (host API 1.5) it runs as a script's redis.call, with Redis's script checks and texts (`ERR Unknown Redis command called from script`, `ERR Wrong number of args calling Redis command from script`, `ERR This Redis command is not allowed from script`, `ERR ACL failure in script: …`), and with flags & 8 also as a read-only script's (`ERR Write commands are not allowed from read-only scripts.` for write and may_replicate commands); with flags & 16 (host API 1.9, CHECK_ONLY) nothing runs: the command is routed and checked as the call would be, and the reply says what the call would meet: an unknown command's error first, then `:0` when the calling user's ACL refuses the command, a key or a channel (nothing is added to the ACL log: Redis's ACLCheckAllUserCommandPerm, for redis.acl_check_cmd), then the call's other refusals as their errors (arity, the script rules of flags 4 and 8, OOM, NOREPLICAS…), else `:1`; returns its length. Errors are replies too (`-ERR unknown command …`, arity, WRONGTYPE, a failing plugin). It runs in the caller's database, cannot block (blocking commands answer their timeout reply at once), and cannot call the calling plugin's own commands (`-ERR …` reply). */
__attribute__((import_module("ferrite"), import_name("call_command")))
int32_t ferrite_call_command(const void *argv, int32_t argc, int32_t flags);

/** Call a function another loaded plugin declares in its manifest (`functions`: name and dispatch id; the plugin exports ferrite_function), bytes in, bytes out: the callee gets a copy of the `in_len` input bytes in its arena and appends its output with plugin_output; plugin_call returns what the callee's ferrite_function returned (>= 0, or one of its statuses: MISSING, WRONGTYPE…) and leaves the output in the result buffer (result_len, result_read). CALLFAILED when the call could not run or failed, the result buffer then holding the error text: no plugin of that name (`ERR plugin_call: no plugin named 'x' is loaded`), no such function (`ERR plugin_call: plugin 'x' has no function 'f'`), the plugin itself (`… cannot call its own function …`) or one whose code is already running (a call loop back into it), calls nested deeper than 8, or the callee's trap, abort or CPU budget overrun (its error text, as a command would get it; the callee's heap check and recovery follow as after any failed call). The callee runs nested in the caller's call: the same CPU budget and deadline, the caller's database, client and ACL user, the frozen clock; its replies go nowhere, it cannot block, and it is read-only: key writes (key_find for writing, key_set, key_put, key_delete, key_set_expire, key_rename, key_copy, key_move, key_restore) fail it like abort, and call_command refuses write commands. Plugin names are looked up at every call, so a callee unloaded or reloaded between two calls is simply found, or not, at the next one. */
__attribute__((import_module("ferrite"), import_name("plugin_call")))
int32_t ferrite_plugin_call(const void *plugin_ptr, int32_t plugin_len, const void *fn_ptr, int32_t fn_len, const void *in_ptr, int32_t in_len);

/** Append `len` bytes to the output of the plugin_call this plugin is answering (inside ferrite_function, and since 1.9 ferrite_config_check; elsewhere it fails like abort). The output reaches the caller's result buffer when ferrite_function returns; nothing of it does when the call fails. */
__attribute__((import_module("ferrite"), import_name("plugin_output")))
void ferrite_plugin_output(const void *ptr, int32_t len);

/** Run the plugin's export ferrite_timer(id, payload) once, `delay_ms` milliseconds from now (0: on the next turn of the event loop), like RedisModule_CreateTimer. Returns the timer's id (an integer >= 1, never reused by the server). The callback runs on the event loop, between clients' commands, as a bounded plugin call of its own (plugin-call-budget-ms; a trap or an overrun is logged and ends that callback only), in the database that was current when the timer was created, with no client: replies go nowhere, block_on_keys answers 0, call_command runs plugins' commands only. What it writes goes through the host's write funnel like a command's writes (WATCH, keyspace events, blocked clients, dirty count) and reaches the AOF as the effect on each key it wrote (RESTORE … REPLACE ABSTTL, or DEL), inside MULTI/EXEC. Timers are one-shot (re-arm from the callback for a periodic one), not persisted, and dropped when the plugin is unloaded. `delay_ms` must be finite and >= 0, else the call fails like abort. */
__attribute__((import_module("ferrite"), import_name("timer_create")))
double ferrite_timer_create(double delay_ms, int64_t payload);

/** Cancel one of the plugin's own timers before it runs. Returns 1 if it was pending, 0 if it already ran, was cancelled, or is not this plugin's. */
__attribute__((import_module("ferrite"), import_name("timer_cancel")))
int32_t ferrite_timer_cancel(double id);

/** Log this command line (argc (u32 ptr, u32 len) pairs in plugin memory, argument 0 the command name), in the current database, to the AOF in place of what the host would log for the running command: what happened rather than what was received (RedisModule_Replicate), e.g. TS.ADD with `*` resolved to the timestamp used. Each call adds one line, logged in call order; a command that never calls it is logged as before (as received, or as its effects when its manifest marks it nondeterministic or blocking: ReplicateVerbatim is the default). Inside MULTI/EXEC the lines replace that command's inside the transaction. In a script's call (call_command flag 4, as scripts' effects are logged command by command) they replace that inner command; in any other call_command they are dropped (the outer command is logged as received). In a timer callback they replace the callback's logged effects. Lines of a command that ends without changing the dataset are dropped. The host does not check them: they must replay to the same data. */
__attribute__((import_module("ferrite"), import_name("replicate")))
void ferrite_replicate(const void *argv, int32_t argc);

/** Unix time in ms, frozen for the current command. */
__attribute__((import_module("ferrite"), import_name("time_ms")))
double ferrite_time_ms(void);

/** Unix time in µs, frozen for the current command. */
__attribute__((import_module("ferrite"), import_name("time_us")))
double ferrite_time_us(void);

/** A monotonic clock in µs (fractional), read afresh at every call, from an arbitrary origin: for a plugin that times itself while time_ms/time_us stay frozen for the command (GRAPH.QUERY's TIMEOUT and its execution-time statistic). Never goes back; differences are wall time, not CPU time. */
__attribute__((import_module("ferrite"), import_name("clock_us")))
double ferrite_clock_us(void);

/** Fill plugin memory with random bytes (not for cryptographic use). */
__attribute__((import_module("ferrite"), import_name("random_fill")))
void ferrite_random_fill(void *ptr, int32_t len);

/** Start an INFO section, inside ferrite_info only (elsewhere it fails the call like abort). Named as Redis names a module's sections: `<plugin>_<name>`, or `<plugin>` when len is 0; INFO prints it as `# <that name>`. The name must not contain CR, LF or spaces. */
__attribute__((import_module("ferrite"), import_name("info_section")))
void ferrite_info_section(const void *ptr, int32_t len);

/** Add the line `<plugin>_<name>:<value>` to the section info_section last started (Redis prefixes a module's fields with its name too), inside ferrite_info only. Neither part may contain CR or LF, nor the name a colon. */
__attribute__((import_module("ferrite"), import_name("info_field")))
void ferrite_info_field(const void *name_ptr, int32_t name_len, const void *value_ptr, int32_t value_len);

/** Add one memory figure, inside ferrite_memory only (elsewhere it fails the call like abort), under the name Redis gives it (no plugin prefix: `used_memory_scripts`, `lua.caches`). flags: 1 = a line `name:value` in INFO's `# Memory` section (after total_system_memory_human, where Redis prints its scripting figures), 2 = an entry `name` → value in MEMORY STATS (a name MEMORY STATS already has, such as `lua.caches`, takes this value; another is added after `functions.caches`), 4 = with 1, the value written as Redis writes sizes for humans (`31.00K`, bytesToHuman). The value is an integer (f64 for its range); the name must not contain CR, LF, a colon or a space. */
__attribute__((import_module("ferrite"), import_name("memory_field")))
void ferrite_memory_field(int32_t flags, const void *name_ptr, int32_t name_len, double value);

/** The current value of the plugin's string config number `index` (its place in the manifest's `configs`) into the result buffer (result_read); returns its length, or MISSING when `index` is not one of its string configs. Not for a command's hot path: the config block's slot of a string config holds a change count (1 once set at load, one more at each change), so a plugin keeps what it derived from the text (a parsed policy) and reads the text again only when the count moved. Usable from ferrite_init on. */
__attribute__((import_module("ferrite"), import_name("config_string")))
int32_t ferrite_config_string(int32_t index);

/** What the command running now runs inside (RedisModule_GetContextFlags's part a plugin needs): 1 = a script (a script's redis.call reached it, call_command flag 4, directly or through commands that call), 2 = it cannot block (MULTI/EXEC, a script, a function, a timer, a call_command: blocking commands answer their timeout reply at once). Other bits are reserved. E.g. SORT … BY a constant orders a set's elements inside a script, as Redis does for CLIENT_SCRIPT. */
__attribute__((import_module("ferrite"), import_name("context_flags")))
int32_t ferrite_context_flags(void);

/** Write a line to the server log, prefixed with the plugin name. level: 0 debug, 1 verbose, 2 notice, 3 warning. */
__attribute__((import_module("ferrite"), import_name("log")))
void ferrite_log(int32_t level, const void *ptr, int32_t len);

/** Fail the current call with a message (AssemblyScript's abort: msg and file are AssemblyScript strings, UTF-16 with a u32 byte length at ptr-4; 0 when absent). The command gets an error naming the plugin; the host does not return. */
__attribute__((import_module("ferrite"), import_name("abort")))
void ferrite_abort(const void *msg_ptr, const void *file_ptr, int32_t line, int32_t column);

/** Call the plugin export ferrite_protected(fn, a, b) and answer 0 when it returns, 1 when it (or anything it called) called `unwind`: the setjmp/longjmp of languages whose runtime needs them (C with wasi-libc has none; Lua 5.1 raises its errors so). After 1 the wasm frames in between are gone, and the plugin must restore its own stack pointer (the SDK C helper ferrite_try does). A trap, an abort or a budget overrun is not caught: it still fails the whole command. Nests. */
__attribute__((import_module("ferrite"), import_name("protected_call")))
int32_t ferrite_protected_call(int32_t fn, int32_t a, int32_t b);

/** Unwind the plugin stack to the innermost protected_call, which then answers 1. Never returns. Outside any protected_call it fails the command like abort. */
__attribute__((import_module("ferrite"), import_name("unwind")))
__attribute__((noreturn)) void ferrite_unwind(void);

/** Return a pointer to at least `size` writable bytes that stay valid until the next ferrite_arena call. The host copies a command's arguments there: argc pairs of (u32 ptr, u32 len), then the bytes. */
__attribute__((export_name("ferrite_arena"))) int32_t ferrite_arena(int32_t size);

/** Run the command whose manifest `id` is `id`; argv points at the argument table in the arena (argument 0 is the command name). Arity was already checked by the host. The command replies through the reply_* imports, exactly one top-level reply. */
__attribute__((export_name("ferrite_command"))) void ferrite_command(int32_t id, int32_t argc, const void *argv);

/** Called once after instantiation with the MODULE LOAD arguments (same layout as a command, without the name: argc may be 0). Return 0 to accept; anything else fails the load. */
__attribute__((export_name("ferrite_init"))) int32_t ferrite_init(int32_t argc, const void *argv);

/** Release a value. Required when the manifest declares types (as are the other ferrite_type_* exports). */
__attribute__((export_name("ferrite_type_free"))) void ferrite_type_free(int32_t type, double handle);

/** Serialize a value through save_write. Used by DUMP, persistence and tiering. */
__attribute__((export_name("ferrite_type_save"))) void ferrite_type_save(int32_t type, double handle);

/** Build a value from bytes written by ferrite_type_save with encoding version `encver` (in the arena). Returns the new handle, or -1 when the bytes are invalid. */
__attribute__((export_name("ferrite_type_load"))) double ferrite_type_load(int32_t type, int32_t encver, const void *ptr, int32_t len);

/** Return a new, independent value equal to `handle` (COPY). */
__attribute__((export_name("ferrite_type_copy"))) double ferrite_type_copy(int32_t type, double handle);

/** Bytes of plugin memory the value uses (MEMORY USAGE, eviction, the hot tier's budget). Called when a value is bound and again after every command that opened it for writing, so it must not walk the value: keep a running count in the value as its parts come and go (a walk over a million-member set made each ZADD cost milliseconds). */
__attribute__((export_name("ferrite_type_memory"))) double ferrite_type_memory(int32_t type, double handle);

/** Index, in the type's manifest `encodings` list, of the value's current encoding (OBJECT ENCODING). */
__attribute__((export_name("ferrite_type_encoding"))) int32_t ferrite_type_encoding(int32_t type, double handle);

/** A keyspace event the plugin subscribed to with event_subscribe: its class, its database, and argv pointing at a two-entry argument table in the arena (0: event name, 1: key). Called after the emitting command has written its effects, in emission order. Keyspace imports act on the event's database (reads see the command's effects); replies go nowhere; block_on_keys answers 0. A failure is logged and does not affect the command. Events raised by writes made here are delivered after the current ones. */
__attribute__((export_name("ferrite_on_event"))) void ferrite_on_event(int32_t event_class, int32_t db, const void *argv);

/** A database event the plugin subscribed to with db_event_subscribe: 1 = FLUSHED (other is -1), 2 = SWAPPED (db and other traded contents). Runs synchronously inside the command that flushes or swaps (possibly inside one of the plugin's own call_command calls): it should only update the plugin's own state; replies go nowhere, block_on_keys answers 0, and for FLUSHED the keys are still there. A failure is logged and does not affect the command. */
__attribute__((export_name("ferrite_on_db_event"))) void ferrite_on_db_event(int32_t event, int32_t db, int32_t other);

/** The address of an i32 in the plugin's memory where the host keeps the event classes anyone listens to (a mask of the NOTIFY_* bits of event_emit: notify-keyspace-events and plugins' subscriptions), written at load and whenever they change. The plugin may skip event_emit for an event whose class is not in it: nobody would receive it. Called once, after ferrite_init; the SDK exports it for every AssemblyScript plugin, its copy starting at all classes. Without it, the plugin emits every event. */
__attribute__((export_name("ferrite_event_mask"))) int32_t ferrite_event_mask(void);

/** Bytes the plugin's allocator has in use, headers included (used_memory, maxmemory eviction). Called before every command that may grow memory while maxmemory is set: it must be O(1). The SDK build adds it to every AssemblyScript plugin. Without it the host counts the plugin's whole linear memory, which never shrinks. */
__attribute__((export_name("ferrite_heap_used"))) double ferrite_heap_used(void);

/** Whether the plugin's allocator is still consistent: 0, or a nonzero code naming the first inconsistency. Called only after a call into the plugin failed (trap, abort, CPU budget overrun), with a budget of its own; it must read memory without allocating. A nonzero answer, or a failure of the check itself, quarantines the plugin and the host moves its values into a fresh instance (ADR 0002, "After a failure"). The SDK exports it for every AssemblyScript plugin. Without it the host trusts the heap after a failure. */
__attribute__((export_name("ferrite_heap_check"))) int32_t ferrite_heap_check(void);

/** The address of the plugin's config block: one little-endian i64 per config its manifest declares (`configs`), in manifest order, 8-byte aligned. The host writes every value there right after instantiation (before ferrite_init, aux_load and any type_load) and again whenever CONFIG SET, the config file or MODULE LOADEX changes one, so a command reads its configs with a plain load and no host call. A bool is 1 or 0, an integer or memory size its value, an enum the index of its value in the declared `values`, a float (since 1.7) the bits of its IEEE 754 double (load it as an f64); a string config's slot, for a plugin declaring 1.9 or later, a change count: 1 once set at load, one more at each change (the text itself is read with config_string; for older plugins the slot stays 0). Called once per instance. Required when the manifest declares configs; the SDK build adds it then. */
__attribute__((export_name("ferrite_config_block"))) int32_t ferrite_config_block(void);

/** Check a value proposed for the plugin's string config number `index` (manifest order) before the host takes it: `len` bytes at `ptr` (in the arena). Return 0 to accept it as given, 1 to accept it in the canonical form written with plugin_output (CONFIG GET then shows that text), or a negative number to refuse it, the text written with plugin_output being the reason (CONFIG SET answers `ERR CONFIG SET failed (possibly related to argument '<name>') - <reason>`; without text, `Invalid argument`). Called for every CONFIG SET of a string config, before any change of the same CONFIG SET is applied, and once after load for the value the config file, command line or MODULE LOADEX gave (a refusal there is logged and leaves the value as given: a plugin that must not start with it refuses in ferrite_init). Runs read-only like ferrite_function (no key writes, no reply); a failure refuses the value. */
__attribute__((export_name("ferrite_config_check"))) int32_t ferrite_config_check(int32_t index, const void *ptr, int32_t len);

/** Serialize the plugin's own state that is not a key's value (counters, indexes' settings, ids…) through save_write, like Redis's aux_save. Called when a snapshot or an AOF base is written, at its point in time. Without it, a plugin has no state beyond its keys. */
__attribute__((export_name("ferrite_aux_save"))) void ferrite_aux_save(void);

/** Restore what ferrite_aux_save wrote (the bytes are in the arena), at startup before the keys are loaded. Returns 0, or a negative number when the bytes are invalid: the server then refuses to start, naming the plugin. */
__attribute__((export_name("ferrite_aux_load"))) int32_t ferrite_aux_load(const void *ptr, int32_t len);

/** Contribute INFO sections through info_section and info_field, like a Redis module's info callback. Called whenever INFO prints module sections (`INFO everything`, `INFO modules`, the plugin's name or one of its sections' names; never a bare `INFO`, `default` or `all`, as Redis 7.2); the host keeps the sections asked for. Must not write keys or reply; a failure is logged and the plugin's sections are left out of that INFO. */
__attribute__((export_name("ferrite_info"))) void ferrite_info(void);

/** Run the function whose manifest `functions` id is `id` for another plugin's plugin_call: the input is `in_len` bytes at `in_ptr` (in the arena, valid until it returns); write the output with plugin_output; return a number >= 0 or a status (MISSING, WRONGTYPE, … but not CALLFAILED, the host's), which plugin_call hands back. Runs as plugin_call describes (read-only, no reply, the caller's database and budget). Required when the manifest declares functions; the SDK build adds it for the files in assembly/functions/. */
__attribute__((export_name("ferrite_function"))) int32_t ferrite_function(int32_t id, const void *in_ptr, int32_t in_len);

/** Contribute memory figures through memory_field (ADR 0032's INFO Memory hook): called whenever INFO prints its Memory section and for MEMORY STATS. Must be cheap (INFO is polled) and must not write keys or reply; a failure is logged and the plugin's figures are left out of that reply. */
__attribute__((export_name("ferrite_memory"))) void ferrite_memory(void);

/** Find the keys of a command whose manifest sets `key_finder` (keys at no fixed position, such as SORT … STORE dst; Redis's getkeys proc): the command line is in the arena as for ferrite_command, argument 0 the command name; name each key with key_position and return 0, or a negative number when the arguments do not say (the host then uses the key specs alone). The host calls it for COMMAND GETKEYS and GETKEYSANDFLAGS, ACL key checks, client tracking and the AOF's per-key effects, never on a command's own path; it must not write keys or reply, and it is not called while the plugin's code is running (the host falls back to the key specs). Required when a command sets key_finder. */
__attribute__((export_name("ferrite_keys"))) int32_t ferrite_keys(int32_t id, int32_t argc, const void *argv);

/** Say, for one call of a command whose manifest sets `call_flags`, what the server's gates need to know of it (Redis's getCommandFlags, which EVAL and FCALL answer from the script's declared flags): the command line is in the arena as for ferrite_command, argument 0 the command name. Return -1 to keep the command's static flags, or a set of bits that replaces its `write`, `denyoom` and `may_replicate` flags for this call: 1 = write, 2 = denyoom, 4 = may_replicate (other bits are reserved and ignored). The host asks only when a gate needs the answer: maxmemory's refusal once nothing more can be evicted, MISCONF and NOREPLICAS while writes are refused, CLIENT PAUSE WRITE while a pause holds writes, and MULTI's record of what EXEC will do; never on the command's own path, and not while the plugin's code is running (static flags then). It must not write keys or reply; a failure is logged and the static flags apply. Required when a command sets call_flags. */
__attribute__((export_name("ferrite_command_flags"))) int32_t ferrite_command_flags(int32_t id, int32_t argc, const void *argv);

/** A timer set with timer_create is due: its id and the payload it was created with (a pointer, an index…: the host only hands it back). Required by a plugin that calls timer_create (the call fails like abort without it). Runs as timer_create describes; the timer is over when it is called. */
__attribute__((export_name("ferrite_timer"))) void ferrite_timer(double id, int64_t payload);

/** Called by the host only from inside protected_call: call the plugin function `fn` (an index into the plugin function table) with (a, b). The SDK C helpers provide it. */
__attribute__((export_name("ferrite_protected"))) void ferrite_protected(int32_t fn, int32_t a, int32_t b);

#endif
