// GENERATED from host-api/abi.json by host-api/generate.ts — do not edit.

export const ABI_MAJOR = 1;
export const ABI_MINOR = 9;
export const IMPORT_MODULE = "ferrite";
export const MEMORY_IMPORT = { module: "env", name: "memory" } as const;
export const MANIFEST_SECTION = "ferrite.manifest";

export const Status = {
  MISSING: -1,
  WRONGTYPE: -2,
  BADPAYLOAD: -3,
  EXISTS: -4,
  BADDB: -5,
  UNTRACKED: -6,
  RESIDENT: -7,
  BOUND: -8,
  CALLFAILED: -9,
} as const;

/** Every host import of the ABI, keyed by name, with the minor version that introduced it. */
export const IMPORT_SINCE: Record<string, string> = {
  reply_simple: "1.0",
  reply_ok: "1.0",
  reply_error: "1.0",
  reply_int: "1.0",
  reply_small_int: "1.0",
  reply_bulk: "1.0",
  reply_null: "1.0",
  reply_null_array: "1.0",
  reply_array: "1.0",
  reply_map: "1.0",
  reply_set: "1.0",
  reply_double: "1.0",
  reply_double_text: "1.1",
  reply_bool: "1.0",
  reply_big_number: "1.0",
  reply_verbatim: "1.0",
  reply_protocol: "1.0",
  key_find: "1.0",
  key_set: "1.0",
  key_put: "1.3",
  key_delete: "1.0",
  key_type: "1.0",
  key_get_expire: "1.0",
  key_set_expire: "1.0",
  key_touch: "1.0",
  key_set_access: "1.1",
  key_rename: "1.0",
  key_copy: "1.0",
  key_move: "1.0",
  key_dump: "1.0",
  key_restore: "1.0",
  key_object: "1.0",
  page_info: "1.2",
  page_read: "1.2",
  key_scan: "1.0",
  key_random: "1.0",
  key_position: "1.8",
  db_size: "1.0",
  db_current: "1.0",
  db_count: "1.0",
  result_read: "1.0",
  result_len: "1.0",
  save_write: "1.0",
  block_on_keys: "1.1",
  block_context: "1.1",
  key_signal_ready: "1.1",
  event_emit: "1.2",
  event_subscribe: "1.2",
  db_event_subscribe: "1.7",
  call_command: "1.1",
  plugin_call: "1.8",
  plugin_output: "1.8",
  timer_create: "1.7",
  timer_cancel: "1.7",
  replicate: "1.7",
  time_ms: "1.0",
  time_us: "1.0",
  clock_us: "1.6",
  random_fill: "1.0",
  info_section: "1.6",
  info_field: "1.6",
  memory_field: "1.8",
  config_string: "1.9",
  context_flags: "1.9",
  log: "1.0",
  abort: "1.0",
  protected_call: "1.5",
  unwind: "1.5",
  fuel: "1.0",
};

export interface HostImports {
  reply_simple(ptr: number, len: number): void;
  reply_ok(): void;
  reply_error(ptr: number, len: number): void;
  reply_int(value: bigint): void;
  reply_small_int(value: number): void;
  reply_bulk(ptr: number, len: number): void;
  reply_null(): void;
  reply_null_array(): void;
  reply_array(count: number): void;
  reply_map(pairs: number): void;
  reply_set(count: number): void;
  reply_double(value: number): void;
  reply_double_text(ptr: number, len: number): void;
  reply_bool(value: number): void;
  reply_big_number(ptr: number, len: number): void;
  reply_verbatim(ptr: number, len: number): void;
  reply_protocol(): number;
  key_find(key_ptr: number, key_len: number, type: number, flags: number): number;
  key_set(key_ptr: number, key_len: number, type: number, handle: number, flags: number): number;
  key_put(key_ptr: number, key_len: number, type: number, handle: number, flags: number, bytes: number): number;
  key_delete(key_ptr: number, key_len: number): number;
  key_type(key_ptr: number, key_len: number): number;
  key_get_expire(key_ptr: number, key_len: number): number;
  key_set_expire(key_ptr: number, key_len: number, at_ms: number): number;
  key_touch(key_ptr: number, key_len: number): number;
  key_set_access(key_ptr: number, key_len: number, idle_seconds: number, freq: number): number;
  key_rename(src_ptr: number, src_len: number, dst_ptr: number, dst_len: number, flags: number): number;
  key_copy(src_ptr: number, src_len: number, dst_ptr: number, dst_len: number, db: number, flags: number): number;
  key_move(key_ptr: number, key_len: number, db: number): number;
  key_dump(key_ptr: number, key_len: number): number;
  key_restore(key_ptr: number, key_len: number, payload_ptr: number, payload_len: number, ttl_ms: number, flags: number): number;
  key_object(key_ptr: number, key_len: number, field: number): number;
  page_info(key_ptr: number, key_len: number, type: number): number;
  page_read(key_ptr: number, key_len: number, type: number, offset: number, len: number, dst_ptr: number): number;
  key_scan(cursor: number, pattern_ptr: number, pattern_len: number, type_ptr: number, type_len: number, count: number): number;
  key_random(): number;
  key_position(index: number, spec: number): void;
  db_size(): number;
  db_current(): number;
  db_count(): number;
  result_read(dst_ptr: number): void;
  result_len(): number;
  save_write(ptr: number, len: number): void;
  block_on_keys(first_arg: number, last_arg: number, step: number, timeout_ms: number, flags: number, data_ptr: number, data_len: number): number;
  block_context(): number;
  key_signal_ready(key_ptr: number, key_len: number): void;
  event_emit(event_class: number, event_ptr: number, event_len: number, key_ptr: number, key_len: number): void;
  event_subscribe(classes: number): void;
  db_event_subscribe(events: number): void;
  call_command(argv: number, argc: number, flags: number): number;
  plugin_call(plugin_ptr: number, plugin_len: number, fn_ptr: number, fn_len: number, in_ptr: number, in_len: number): number;
  plugin_output(ptr: number, len: number): void;
  timer_create(delay_ms: number, payload: bigint): number;
  timer_cancel(id: number): number;
  replicate(argv: number, argc: number): void;
  time_ms(): number;
  time_us(): number;
  clock_us(): number;
  random_fill(ptr: number, len: number): void;
  info_section(ptr: number, len: number): void;
  info_field(name_ptr: number, name_len: number, value_ptr: number, value_len: number): void;
  memory_field(flags: number, name_ptr: number, name_len: number, value: number): void;
  config_string(index: number): number;
  context_flags(): number;
  log(level: number, ptr: number, len: number): void;
  abort(msg_ptr: number, file_ptr: number, line: number, column: number): void;
  protected_call(fn: number, a: number, b: number): number;
  unwind(): void;
  fuel(): number;
}

export interface PluginExports {
  ferrite_arena(size: number): number;
  ferrite_command(id: number, argc: number, argv: number): void;
  ferrite_init?(argc: number, argv: number): number;
  ferrite_type_free?(type: number, handle: number): void;
  ferrite_type_save?(type: number, handle: number): void;
  ferrite_type_load?(type: number, encver: number, ptr: number, len: number): number;
  ferrite_type_copy?(type: number, handle: number): number;
  ferrite_type_memory?(type: number, handle: number): number;
  ferrite_type_encoding?(type: number, handle: number): number;
  ferrite_on_event?(event_class: number, db: number, argv: number): void;
  ferrite_on_db_event?(event: number, db: number, other: number): void;
  ferrite_event_mask?(): number;
  ferrite_heap_used?(): number;
  ferrite_heap_check?(): number;
  ferrite_config_block?(): number;
  ferrite_config_check?(index: number, ptr: number, len: number): number;
  ferrite_aux_save?(): void;
  ferrite_aux_load?(ptr: number, len: number): number;
  ferrite_info?(): void;
  ferrite_function?(id: number, in_ptr: number, in_len: number): number;
  ferrite_memory?(): void;
  ferrite_keys?(id: number, argc: number, argv: number): number;
  ferrite_command_flags?(id: number, argc: number, argv: number): number;
  ferrite_timer?(id: number, payload: bigint): void;
  ferrite_protected?(fn: number, a: number, b: number): void;
}

export const REQUIRED_EXPORTS = ["ferrite_arena", "ferrite_command"] as const;
export const TYPE_EXPORTS = ["ferrite_type_free", "ferrite_type_save", "ferrite_type_load", "ferrite_type_copy", "ferrite_type_memory", "ferrite_type_encoding"] as const;
export const EXPORT_NAMES = ["ferrite_arena", "ferrite_command", "ferrite_init", "ferrite_type_free", "ferrite_type_save", "ferrite_type_load", "ferrite_type_copy", "ferrite_type_memory", "ferrite_type_encoding", "ferrite_on_event", "ferrite_on_db_event", "ferrite_event_mask", "ferrite_heap_used", "ferrite_heap_check", "ferrite_config_block", "ferrite_config_check", "ferrite_aux_save", "ferrite_aux_load", "ferrite_info", "ferrite_function", "ferrite_memory", "ferrite_keys", "ferrite_command_flags", "ferrite_timer", "ferrite_protected"] as const;
