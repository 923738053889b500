// The state host imports act on during one plugin call: whose reply buffer, which database, the frozen
// clock, and the host result buffer that variable-length answers are read back from. One per server,
// handed to its plugins (plugin/host-services.ts), with the sandbox that bounds their calls.
import type { ReplyWriter } from "../protocol/reply-writer.js";
import type { Database } from "../keyspace/database.js";
import { ReplyCount } from "../protocol/reply-count.js";
import { Sandbox } from "./sandbox.js";
import type { PluginInfoSection, PluginMemoryField } from "./info-section.js";

export class CallContext {
  readonly sandbox = new Sandbox();
  writer!: ReplyWriter;
  /** What the running command wrote through the reply imports, checked when it returns. */
  replies = new ReplyCount();
  db!: Database;
  dbIndex = 0;
  now = 0;
  nowUs = 0;
  result = Buffer.alloc(4096);
  resultLen = 0;
  /** False where a command must not block (later: inside MULTI/EXEC and scripts). */
  canBlock = true;
  /** Whether key lookups count in keyspace_hits/misses (Redis: not those of write commands). */
  lookupStats = false;
  /** CLIENT NO-TOUCH: lookups leave the keys' LRU/LFU stats alone (except TOUCH's own). */
  noTouch = false;
  /** Calls from a script's redis.call (call_command flag 4) in progress: context_flags's SCRIPT (host API 1.9). */
  inScript = 0;
  /** Functions running for plugin_call (host API 1.8), which are read-only: key writes fail them. */
  inFunction = 0;
  /** Where key_position reports, while a plugin's ferrite_keys runs (host API 1.8); null outside it. */
  keyVisitor: ((index: number, spec: number) => void) | null = null;
  /** Chunks of a value being serialized by a type's save callback. */
  saveChunks: Buffer[] | null = null;
  /** The INFO sections a plugin's ferrite_info is adding (host API 1.6); null outside it. */
  infoSections: PluginInfoSection[] | null = null;
  /** The memory figures a plugin's ferrite_memory is adding (host API 1.8); null outside it. */
  memoryFields: PluginMemoryField[] | null = null;

  /** Point the host imports at a client's reply buffer and database for the call about to run. */
  bind(writer: ReplyWriter, dbIndex: number, db: Database): void {
    this.writer = writer;
    this.dbIndex = dbIndex;
    this.db = db;
    this.replies.reset();
  }

  setResult(bytes: Uint8Array): number {
    this.reserveResult(bytes.length);
    this.result.set(bytes, 0);
    this.resultLen = bytes.length;
    return bytes.length;
  }

  /** Room for `len` bytes, keeping what is already there (key_scan appends as it goes). */
  reserveResult(len: number): Buffer {
    if (this.result.length < len) {
      const grown = Buffer.alloc(Math.max(len, this.result.length * 2));
      grown.set(this.result);
      this.result = grown;
    }
    return this.result;
  }

  /** Once per read batch (Date.now() per command measured at ~3% of a pipelined GET). */
  freezeClock(now = Date.now()): void {
    this.now = now;
    this.nowUs = -1;
  }

  /** Microseconds, taken on first use after the clock was frozen. */
  micros(): number {
    if (this.nowUs < 0) this.nowUs = this.now * 1000 + Math.floor((performance.now() * 1000) % 1000);
    return this.nowUs;
  }
}
