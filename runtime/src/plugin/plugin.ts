// A loaded plugin: its instance, its memory, the arena arguments are copied into, and the value-type
// callbacks the keyspace calls. Every entry into the plugin's code goes through `guard` so that a trap,
// an OOM or a budget overrun is contained and counted; after one, the plugin's own heap check decides
// whether it keeps serving or is quarantined until its values are moved into a fresh instance
// (docs/adr/0002-sandbox.md, "After a failure").
import { copyBytes } from "../protocol/copy-bytes.js";
import type { Manifest } from "../../../host-api/manifest.js";
import type { CommandArgs } from "../protocol/arg-list.js";
import type { PluginExports } from "./abi.generated.js";
import type { TypeOwner, ValueType } from "../keyspace/value-types.js";
import { BudgetExceeded, PluginAbort } from "./sandbox.js";
import { quarantinedExports } from "./quarantine.js";
import { PluginFailure } from "./plugin-failure.js";
import type { CallContext } from "./call-context.js";
import { log } from "../log.js";
import { LoadError } from "./load-error.js";
import type { PluginInfoSection, PluginMemoryField } from "./info-section.js";

const PAGE = 65536;

/** One instance of the plugin's module: what recovery and compaction swap (plugin-recovery.ts). */
export interface Instance {
  exports: PluginExports;
  memory: WebAssembly.Memory;
  arenaPtr: number;
  arenaCap: number;
}

declare module "../command/command-table.js" {
  /** A plugin's command carries its plugin. */
  interface CommandBindings {
    plugin: Plugin;
  }
}

export class Plugin implements TypeOwner {
  exports!: PluginExports;
  bytes: Uint8Array;
  u32: Uint32Array;
  types: ValueType[] = [];
  calls = 0;
  /** Microseconds spent in its commands (INFO plugins), counted by the dispatcher. */
  usec = 0;
  traps = 0;
  budgetOverruns = 0;
  ooms = 0;
  /** Failures after which its heap check found the allocator inconsistent. */
  heapFaults = 0;
  /** Times its values were moved into a fresh instance (recovery or compaction), and values lost doing it. */
  respawns = 0;
  droppedValues = 0;
  /** Why the plugin is quarantined, or null while it serves. */
  quarantine: string | null = null;
  /** The exports of the instance found inconsistent, which recovery still saves values through. */
  quarantinedInstance: Instance | null = null;
  /** Told after each failed call (the registry schedules recovery or compaction). */
  onFault: (plugin: Plugin) => void = () => {};
  /** True while its values move to a fresh instance: failures then drop one value, nothing more. */
  respawning = false;
  /** Start a fresh instance of the same module with the same arguments (set by the loader), attached to this plugin. */
  spawn!: () => Instance;
  /**
   * Calls into its code now in progress (a command, a callback, a function, nested or not): plugin_call
   * refuses a plugin whose code is running, whose arena and state a call would overwrite (host API 1.8).
   */
  running = 0;
  /** Memory size when the current call began: growth up to the cap during a failed call means OOM. */
  private entryBytes = 0;
  private arenaPtr = 0;
  private arenaCap = 0;
  /** Bytes of the last command's arguments in the arena, which a nested load must leave as it found them. */
  private argsBytes = 0;
  /** Where the serving instance keeps its config block (ferrite_config_block), -1 without configs. */
  private configBlock = -1;
  /**
   * heapUsed()'s answer while no code of this plugin has run since, -1 once some has: maxmemory asks
   * before every command (ADR 0046), and only the plugins that ran since can have allocated or freed.
   */
  private knownHeapUsed = -1;

  constructor(
    readonly manifest: Manifest,
    readonly path: string,
    readonly args: string[],
    public memory: WebAssembly.Memory,
    readonly maxBytes: number,
    /** Host API 1.4: the values of its declared configs, one i64 slot each in manifest order. */
    readonly configSlots: BigInt64Array,
    /** Its server's plugin-call state, which its calls enter and leave. */
    readonly ctx: CallContext,
  ) {
    this.bytes = new Uint8Array(memory.buffer);
    this.u32 = new Uint32Array(memory.buffer);
  }

  get name(): string {
    return this.manifest.name;
  }

  /**
   * Memory views, refreshed after the plugin grew its memory (growth detaches the old views). Checked
   * with `length`, which V8 inlines; `byteLength` on a view of wasm memory is a ~25 ns builtin call, and
   * this runs several times per command.
   */
  view(): Uint8Array {
    if (this.bytes.length === 0) this.refreshViews();
    return this.bytes;
  }

  refreshViews(): void {
    this.bytes = new Uint8Array(this.memory.buffer);
    this.u32 = new Uint32Array(this.memory.buffer);
  }

  /** The instance currently serving. */
  instance(): Instance {
    return { exports: this.exports, memory: this.memory, arenaPtr: this.arenaPtr, arenaCap: this.arenaCap };
  }

  /** Serve from `instance` from now on (host imports read memory through this object, so they follow). */
  attach(instance: Instance): void {
    this.exports = instance.exports;
    this.memory = instance.memory;
    this.arenaPtr = instance.arenaPtr;
    this.arenaCap = instance.arenaCap;
    this.argsBytes = 0;
    this.knownHeapUsed = -1;
    this.refreshViews();
  }

  /** Ask a fresh instance where its config block is, and fill it: before any other call into the instance. */
  placeConfigBlock(): void {
    if (this.configSlots.length === 0) return;
    const ptr = this.guard(this.exports.ferrite_config_block!);
    if (!(Number.isInteger(ptr) && ptr > 0 && ptr % 8 === 0 && ptr + this.configSlots.byteLength <= this.view().length))
      throw new LoadError(`plugin '${this.name}': ferrite_config_block answered ${ptr}, not an 8-byte aligned address in its memory`);
    this.configBlock = ptr;
    this.writeConfigs();
  }

  /** Copy the config slots into the serving instance's block (at start, and after a config changed). */
  writeConfigs(): void {
    if (this.configBlock > 0) this.view().set(new Uint8Array(this.configSlots.buffer), this.configBlock);
  }

  /** Copy an argument vector into the plugin's arena; returns the argv pointer. */
  writeArgs(argc: number, src: Uint8Array, offsets: Int32Array, lengths: Int32Array, first: number): number {
    let total = argc * 8;
    for (let i = 0; i < argc; i++) total += lengths[first + i];
    const ptr = this.arena(total);
    this.argsBytes = total;
    const mem = this.view();
    const u32 = this.u32;
    let data = ptr + argc * 8;
    for (let i = 0, slot = ptr >>> 2; i < argc; i++, slot += 2) {
      const off = offsets[first + i];
      const len = lengths[first + i];
      u32[slot] = data;
      u32[slot + 1] = len;
      copyBytes(src, off, len, mem, data);
      data += len;
    }
    return ptr;
  }

  /**
   * Run one command: arguments into the arena, then ferrite_command. Written out rather than through
   * `guard(() => …)` because a closure per command is an allocation on the hot path.
   */
  runCommand(id: number, argc: number, src: Uint8Array, offsets: Int32Array, lengths: Int32Array): void {
    this.enter();
    this.entryBytes = this.view().length;
    try {
      this.calls++;
      this.exports.ferrite_command(id, argc, this.writeArgs(argc, src, offsets, lengths, 0));
    } catch (e) {
      throw this.failure(e);
    } finally {
      this.leave();
    }
  }

  /**
   * Run one function for another plugin's plugin_call (host API 1.8): the input, `len` bytes at `at` in
   * the caller's memory `src`, into the arena, then ferrite_function. Written out like runCommand: no
   * closure per call.
   */
  runFunction(id: number, src: Uint8Array, at: number, len: number): number {
    this.enter();
    this.entryBytes = this.view().length;
    try {
      this.calls++;
      const ptr = this.arena(len);
      this.argsBytes = len;
      const mem = this.view();
      if (len < 32) for (let j = 0; j < len; j++) mem[ptr + j] = src[at + j];
      else mem.set(src.subarray(at, at + len), ptr);
      return this.exports.ferrite_function!(id, ptr, len);
    } catch (e) {
      throw this.failure(e);
    } finally {
      this.leave();
    }
  }

  /** ferrite_config_check (host API 1.9) of `value` for its string config number `index`; PluginCaller frames it. */
  runConfigCheck(index: number, value: Uint8Array): number {
    const check = this.exports.ferrite_config_check!;
    return this.guard(() => check(index, this.writeBytes(value), value.length));
  }

  private enter(): void {
    this.ctx.sandbox.enterCall();
    this.running++;
  }

  private leave(): void {
    this.knownHeapUsed = -1; // its code ran: the heap figure is re-read when next asked for (ADR 0046)
    this.ctx.sandbox.leaveCall();
    this.running--;
  }

  /** Copy an argument vector given as strings (latin1, as clients' bytes decode) into the arena; returns argv. */
  writeStringArgs(args: readonly string[]): number {
    const src = Buffer.concat(args.map((a) => Buffer.from(a, "latin1")));
    const offsets = new Int32Array(args.length);
    const lengths = new Int32Array(args.length);
    for (let i = 0, at = 0; i < args.length; at += lengths[i], i++) {
      offsets[i] = at;
      lengths[i] = Buffer.byteLength(args[i], "latin1");
    }
    return this.writeArgs(args.length, src, offsets, lengths, 0);
  }

  /**
   * The keys of its command `id` in `argv` (host API 1.8 `ferrite_keys`), each with the number of the key
   * spec whose flags it has; false when the plugin does not answer: no export, quarantined, its code
   * already running (its arena holds that call's arguments), a failure (logged) or a negative answer.
   * Never on a command's own path: COMMAND GETKEYS, ACL key checks, tracking, the AOF's effects.
   */
  findKeys(id: number, argv: readonly string[], visit: (index: number, spec: number) => void): boolean {
    const find = this.exports.ferrite_keys;
    if (!find || this.quarantine || this.running > 0) return false;
    const outer = this.ctx.keyVisitor;
    this.ctx.keyVisitor = visit;
    try {
      return this.guard(() => find(id, argv.length, this.writeStringArgs(argv))) >= 0;
    } catch (e) {
      log("warning", `${this.failure(e).message} while finding the keys of a command`);
      return false;
    } finally {
      this.ctx.keyVisitor = outer;
    }
  }

  /**
   * Its command `id`'s flags for the call in `args` (host API 1.9 `ferrite_command_flags`): bits of
   * write (1), denyoom (2), may_replicate (4), or -1 for the static flags, which also answer when the
   * plugin cannot: no export, quarantined, its code running (its arena holds that call's arguments), a
   * failure (logged). Asked by the server's gates only (command/call-flags.ts), never on the command's path.
   */
  commandFlags(id: number, args: CommandArgs): number {
    const flags = this.exports.ferrite_command_flags;
    if (!flags || this.quarantine || this.running > 0) return -1;
    try {
      const answer = this.guard(() => flags(id, args.argc, this.writeArgs(args.argc, args.buf, args.argOffset, args.argLength, 0)));
      return answer < 0 ? -1 : answer;
    } catch (e) {
      log("warning", `${this.failure(e).message} while asking a command's flags`);
      return -1;
    }
  }

  /** Copy one byte string into the arena (type load payloads). */
  writeBytes(bytes: Uint8Array): number {
    const ptr = this.arena(bytes.length);
    this.view().set(bytes, ptr);
    return ptr;
  }

  private arena(size: number): number {
    if (size > this.arenaCap) this.growArena(size);
    return this.arenaPtr;
  }

  /**
   * Apart from arena(), which runs for every command: a closure in it would make V8 allocate a context
   * on each call, growing or not (measured: 40 bytes per command once several plugins had run).
   */
  private growArena(size: number): void {
    const cap = Math.max(size, this.arenaCap * 2, 4096);
    const ptr = this.guard(this.exports.ferrite_arena, cap);
    this.refreshViews();
    // Writing arguments at 0 or past the memory's end would overwrite the plugin's data or fail half-way.
    if (!(Number.isInteger(ptr) && ptr > 0 && ptr + cap <= this.view().length))
      throw new PluginFailure(`ERR plugin '${this.name}': ferrite_arena(${cap}) answered ${ptr}, not the address of ${cap} bytes in its memory`);
    this.arenaPtr = ptr;
    this.arenaCap = cap;
  }

  /**
   * Run plugin code, turning every way it can fail into a PluginFailure with a message that names the
   * plugin. The instance is kept (see docs/adr/0001-plugin-abi.md, "After a trap"). `fn` gets `a` and
   * `b`, so that a type callback is guarded as guard(export, type, handle), without a closure per call
   * (memory usage is measured on every SET).
   */
  guard<T>(fn: (a: number, b: number) => T, a = 0, b = 0): T {
    this.enter();
    this.entryBytes = this.view().length; // not memory.buffer: a slow getter, and guard runs on every SET (memory usage)
    try {
      return fn(a, b);
    } catch (e) {
      throw this.failure(e);
    } finally {
      this.leave();
    }
  }

  failure(e: unknown): PluginFailure {
    if (e instanceof PluginFailure) return e;
    const failure = this.classify(e);
    if (!this.respawning) {
      this.checkHeap();
      this.onFault(this);
    }
    return failure;
  }

  private classify(e: unknown): PluginFailure {
    if (e instanceof BudgetExceeded) {
      this.budgetOverruns++;
      return new PluginFailure(`ERR plugin '${this.name}' ${e.message}`);
    }
    this.traps++;
    const size = this.memory.buffer.byteLength;
    // The allocator traps when memory.grow fails; a trap right after growing up to the cap is that.
    if (size + PAGE > this.maxBytes && size > this.entryBytes) {
      this.ooms++;
      return new PluginFailure(`OOM plugin '${this.name}' ran out of memory (plugin-max-memory is ${this.maxBytes} bytes)`);
    }
    if (e instanceof PluginAbort) return new PluginFailure(`ERR plugin '${this.name}' aborted: ${e.message}`);
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError)
      return new PluginFailure(`ERR plugin '${this.name}' trapped: ${e.message}`);
    throw e; // a host bug, not the plugin's: let it surface
  }

  /**
   * After a failed call: ask the plugin whether its allocator survived (`ferrite_heap_check`, host API
   * 1.4), with a budget of its own since the failed call's may be spent. A plugin without the export
   * is trusted, as before 1.4.
   */
  private checkHeap(): void {
    const check = this.exports?.ferrite_heap_check;
    if (!check) return;
    let verdict: string;
    try {
      const code = this.ctx.sandbox.withOwnBudget(check);
      if (code === 0) return;
      verdict = `its allocator is inconsistent (heap check code ${code})`;
    } catch (e) {
      verdict = `its heap check failed (${e instanceof Error ? e.message : String(e)})`;
    }
    this.heapFaults++;
    this.quarantineFor(`${verdict} after a failed call; its values are being moved into a fresh instance`);
  }

  /** Stop running this plugin's code: every entry answers `reason` until recovery attaches a fresh instance. */
  quarantineFor(reason: string): void {
    if (!this.quarantine) this.quarantinedInstance = this.instance();
    this.quarantine = reason;
    this.exports = quarantinedExports(`ERR plugin '${this.name}' is quarantined: ${reason}`);
    this.knownHeapUsed = -1;
    log("warning", `Plugin '${this.name}' quarantined: ${reason}`);
  }

  /** Serving again from a fresh instance (attached by recovery). */
  leaveQuarantine(): void {
    this.quarantine = null;
    this.quarantinedInstance = null;
  }

  /**
   * Bytes the plugin's allocator has in use (`ferrite_heap_used`, host API 1.2), else its whole linear
   * memory. Written out rather than through `guard`: maxmemory asks before every command.
   */
  heapUsed(): number {
    if (this.knownHeapUsed >= 0) return this.knownHeapUsed;
    return (this.knownHeapUsed = this.reportHeapUsed());
  }

  private reportHeapUsed(): number {
    const size = this.view().length; // WebAssembly.Memory#buffer is a slow getter
    const report = this.exports.ferrite_heap_used;
    if (!report) return size;
    this.enter();
    try {
      const used = report();
      return used >= 0 && used <= size ? used : size; // a nonsensical report counts as everything
    } catch (e) {
      log("warning", `${this.failure(e).message} while reporting its heap size`);
      return size;
    } finally {
      this.leave();
    }
  }

  // TypeOwner: the keyspace's calls into this plugin's value callbacks.

  /** Written out rather than through `guard`: every overwrite and delete frees a value (hot path). */
  free(localType: number, handle: number): void {
    this.enter();
    try {
      this.exports.ferrite_type_free!(localType, handle);
    } catch (e) {
      // The key is gone either way; the value may leak inside the plugin, which only its memory cap bounds.
      log("warning", `${this.failure(e).message} while freeing a value`);
    } finally {
      this.leave();
    }
  }

  copy(localType: number, handle: number): number {
    return this.guard(this.exports.ferrite_type_copy!, localType, handle);
  }

  save(localType: number, handle: number): Buffer {
    return this.collectSaved(() => this.exports.ferrite_type_save!(localType, handle));
  }

  /** The plugin's own state beyond its keys (`ferrite_aux_save`, host API 1.2); null when it has none. */
  auxSave(): Buffer | null {
    const save = this.exports.ferrite_aux_save;
    return save ? this.collectSaved(() => save()) : null;
  }

  /** Give back what auxSave returned, before any key is loaded; false when the plugin refuses the bytes. */
  auxLoad(bytes: Uint8Array): boolean {
    const load = this.exports.ferrite_aux_load;
    if (!load) return bytes.length === 0;
    return this.guard(() => load(this.writeBytes(bytes), bytes.length)) >= 0;
  }

  /** Its INFO sections (`ferrite_info`, host API 1.6). */
  infoSections(): PluginInfoSection[] {
    return this.collect(this.exports.ferrite_info, "infoSections", "INFO sections");
  }

  /** Its memory figures (`ferrite_memory`, host API 1.8) for INFO's Memory section and MEMORY STATS. */
  memoryFields(): PluginMemoryField[] {
    return this.collect(this.exports.ferrite_memory, "memoryFields", "memory figures");
  }

  /**
   * Run a reporting export while the call context's `slot` collects what it adds through its imports;
   * none without the export, while quarantined, or when the call fails (logged: INFO answers without
   * them rather than failing). The outer collection is put back: INFO may run through call_command
   * from inside another plugin's report.
   */
  private collect<K extends "infoSections" | "memoryFields">(report: (() => void) | undefined, slot: K, what: string): NonNullable<CallContext[K]> {
    const added = [] as unknown as NonNullable<CallContext[K]>;
    if (!report || this.quarantine) return added;
    const outer = this.ctx[slot];
    this.ctx[slot] = added;
    try {
      this.guard(() => report());
      return added;
    } catch (e) {
      log("warning", `${this.failure(e).message} while adding its ${what}`);
      return [] as unknown as NonNullable<CallContext[K]>;
    } finally {
      this.ctx[slot] = outer;
    }
  }

  /** What a save callback wrote through save_write while `run` ran. */
  private collectSaved(run: () => void): Buffer {
    const outer = this.ctx.saveChunks;
    const chunks: Buffer[] = [];
    this.ctx.saveChunks = chunks;
    try {
      this.guard(run);
    } finally {
      this.ctx.saveChunks = outer;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  }

  /**
   * A load may run in the middle of one of this plugin's commands (a demoted value promoted by key_find):
   * the payload goes into the arena without replacing it when it fits, and the command's arguments are
   * put back afterwards. The tiers reserve room at demotion time (reserveLoadRoom) so that it fits.
   */
  load(localType: number, encver: number, payload: Uint8Array): number {
    return this.guard(() => {
      if (payload.length > this.arenaCap) {
        const ptr = this.writeBytes(payload);
        return this.exports.ferrite_type_load!(localType, encver, ptr, payload.length);
      }
      const args = Buffer.from(this.view().subarray(this.arenaPtr, this.arenaPtr + this.argsBytes));
      this.view().set(payload, this.arenaPtr);
      try {
        return this.exports.ferrite_type_load!(localType, encver, this.arenaPtr, payload.length);
      } finally {
        this.view().set(args, this.arenaPtr);
      }
    });
  }

  /** Grow the arena now, between commands, so that a later load of `bytes` needs no new arena. */
  reserveLoadRoom(bytes: number): void {
    if (bytes > this.arenaCap) this.arena(bytes);
  }

  memoryUsage(localType: number, handle: number): number {
    return this.guard(this.exports.ferrite_type_memory!, localType, handle);
  }

  encoding(localType: number, handle: number): number {
    return this.guard(this.exports.ferrite_type_encoding!, localType, handle);
  }
}
