// Snapshots and the append-only file for one server: loading at startup, SAVE/BGSAVE and their `save`
// rules, the AOF's appends, fsync policy and rewrites, and the INFO persistence fields. Design and the
// choices the issue left open: docs/adr/0007-persistence.md.
import { existsSync, mkdirSync, rmSync, statSync, closeSync, fsyncSync } from "node:fs";
import { join } from "node:path";
import type { Command, CommandServer as Server } from "../command/command-table.js";
import type { KeyTable } from "../keyspace/key-table.js";
import { log } from "../log.js";
import { SnapshotWriter } from "./snapshot-writer.js";
import { applySnapshot, checkSnapshot, LoadRefused, restoreAux } from "./snapshot-load.js";
import { BgSnapshot } from "./bg-snapshot.js";
import { removeStaleTempFiles } from "./stale-temp-files.js";
import { AofWriter, openAppend, type FsyncPolicy } from "./aof-writer.js";
import { AofManifest, type AofFile } from "./aof-manifest.js";
import { logKeyEffect, propagate } from "./propagate.js";
import { AofKeyNotes } from "./aof-key-notes.js";
import { LISTEN_ORDER } from "../keyspace/key-listener.js";
import { parseSaveRules, saveDue } from "../config/save-rules.js";
import type { SnapshotMeta } from "./snapshot-format.js";

export { LoadRefused };

export const MISCONF_RDB =
  "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.";

/** After a failed background save, wait this long before a `save` rule may try again (Redis's CONFIG_BGSAVE_RETRY_DELAY). */
const RETRY_DELAY_MS = 5000;

type Job = { kind: "rdb" | "aof"; snapshot: BgSnapshot; startedAt: number };

export class Persistence {
  loading = false;
  private dirtyAtLastSave = 0;
  lastSave = Date.now();
  private lastBgsaveOk = true;
  private lastBgsaveTry = 0;
  private lastBgsaveSeconds = -1;
  private rdbSaves = 0;
  private bgsaveScheduled = false;
  private job: Job | null = null;
  private aof: AofWriter | null = null;
  private readonly manifest: AofManifest;
  private rewriteScheduled = false;
  private lastRewriteOk = true;
  private lastRewriteTry = 0;
  private lastRewriteSeconds = -1;
  private rewrites = 0;
  private rewriteFailures = 0;
  private aofBaseSize = 0;
  /** Inside an EXEC: MULTI is written before its first logged write, EXEC after its last command. */
  private inTransaction = false;
  private multiWritten = false;
  private readonly keyNotes = new AofKeyNotes((db, key) => {
    if (this.aof && !this.loading) this.aof.args(db, ["DEL", key]);
  });
  private readonly cronTimer: NodeJS.Timeout;

  constructor(private readonly server: Server) {
    const c = server.config;
    this.manifest = new AofManifest(join(c.get("dir"), c.get("appenddirname")), c.get("appendfilename"));
    c.onChange("appendonly", (v) => (v === "yes" ? this.enableAof() : this.disableAof()));
    c.onChange("appendfsync", (v) => {
      if (this.aof) this.aof.policy = v as FsyncPolicy;
    });
    this.cronTimer = setInterval(() => this.cron(), 100);
    this.cronTimer.unref();
  }

  /** The server closes (Server.close): its periodic work stops. */
  stop(): void {
    clearInterval(this.cronTimer);
  }

  private get snapshotPath(): string {
    return join(this.server.config.get("dir"), this.server.config.get("dbfilename"));
  }

  private get blockOptions() {
    return { compress: this.server.config.bool("rdbcompression"), checksum: this.server.config.bool("rdbchecksum") };
  }

  private meta(): SnapshotMeta {
    const plugins = [...this.server.plugins.all()].map((p) => {
      const aux = p.auxSave();
      return {
        name: p.name, version: p.manifest.version, path: p.path, args: p.args, types: p.manifest.types.map((t) => t.name),
        ...(aux ? { aux: aux.toString("base64") } : {}),
      };
    });
    return { createdAt: Date.now(), plugins };
  }

  // ---- startup

  /** Load the AOF (appendonly yes) or the snapshot; throws LoadRefused when the files cannot be loaded. */
  loadAtStartup(): void {
    mkdirSync(this.server.config.get("dir"), { recursive: true });
    removeStaleTempFiles([this.server.config.get("dir"), this.manifest.dir], this.manifest.tempPath);
    const started = performance.now();
    this.loading = true;
    // Loading recreates keys; it raises no keyspace events (no `new` per loaded key), as Redis's loading does not.
    this.server.notifications.silence(true);
    try {
      if (this.server.config.bool("appendonly") && this.manifest.exists()) {
        this.loadAof();
        log("notice", `DB loaded from append only file: ${((performance.now() - started) / 1000).toFixed(3)} seconds`);
      } else if (existsSync(this.snapshotPath)) {
        this.loadSnapshotFile(this.snapshotPath);
        log("notice", `DB loaded from disk: ${((performance.now() - started) / 1000).toFixed(3)} seconds`);
      }
    } finally {
      this.loading = false;
      this.server.notifications.silence(false);
    }
    this.dirtyAtLastSave = this.server.keyspace.dirty;
    if (this.server.config.bool("appendonly")) {
      if (this.manifest.exists()) this.openLastIncr();
      else this.createAofSync();
    }
  }

  private loadSnapshotFile(path: string): void {
    log("notice", `Loading snapshot ${path}`);
    const meta = checkSnapshot(path, this.server.keyspace, this.server.plugins);
    restoreAux(meta, this.server.plugins, path);
    const [loaded, expired] = applySnapshot(path, this.server.keyspace, `snapshot ${path}`);
    log("notice", `Done loading snapshot, keys loaded: ${loaded}, keys expired: ${expired}.`);
  }

  private loadAof(): void {
    const m = this.manifest;
    try {
      m.read();
    } catch (e) {
      throw new LoadRefused((e as Error).message);
    }
    const missing = m.files.find((f) => !existsSync(m.file(f.name)));
    if (missing) throw new LoadRefused(`The AOF file ${m.file(missing.name)} listed in ${m.path} doesn't exist`);
    const base = m.files.find((f) => f.type === "b");
    if (base) this.loadSnapshotFile(m.file(base.name));
    const incrs = m.files.filter((f) => f.type === "i");
    incrs.forEach((f, i) => {
      const path = m.file(f.name);
      log("notice", `Loading append only file ${path}`);
      // The server runs the file's commands through its dispatcher (server/aof-replay.ts).
      const n = this.server.replayAof(path, i === incrs.length - 1);
      log("notice", `DB loaded from incr file ${f.name}: ${n} commands`);
    });
    this.aofBaseSize = base ? statSync(m.file(base.name)).size : 0;
  }

  private openLastIncr(): void {
    const incr = this.manifest.files.filter((f) => f.type === "i").at(-1);
    let files = this.manifest.files;
    if (!incr) {
      const seq = this.manifest.nextSeq();
      files = [...files, { name: this.manifest.incrName(seq), seq, type: "i" }];
      this.manifest.write(files);
    }
    const path = this.manifest.file(files.filter((f) => f.type === "i").at(-1)!.name);
    this.setAof(new AofWriter(openAppend(path), existsSync(path) ? statSync(path).size : 0, this.policy()));
  }

  /** appendonly yes with no AOF yet: a base from what is loaded, an empty incr file, the manifest. */
  private createAofSync(): void {
    const seq = this.manifest.nextSeq();
    mkdirSync(this.manifest.dir, { recursive: true });
    const writer = new SnapshotWriter(this.manifest.file(this.manifest.baseName(seq)), this.blockOptions, this.meta());
    this.dumpAll(writer);
    writer.finish();
    const incr = this.manifest.incrName(seq);
    this.setAof(new AofWriter(openAppend(this.manifest.file(incr)), 0, this.policy()));
    this.manifest.write([{ name: this.manifest.baseName(seq), seq, type: "b" }, { name: incr, seq, type: "i" }]);
    this.aofBaseSize = writer.bytes;
    log("notice", `Creating AOF base file ${this.manifest.baseName(seq)} and incr file ${incr} on server start`);
  }

  private policy(): FsyncPolicy {
    return this.server.config.get("appendfsync") as FsyncPolicy;
  }

  // ---- the command path (dispatch.ts)

  /** The MISCONF error a write gets while the disk refuses our data, or null. */
  writeDenied(): string | null {
    if (this.lastBgsaveOk && (!this.aof || this.aof.lastWriteOk)) return null; // every write asks: keep it cheap
    const c = this.server.config;
    if (this.loading) return null;
    if (!this.lastBgsaveOk && c.bool("stop-writes-on-bgsave-error") && c.get("save").trim() !== "") return MISCONF_RDB;
    if (this.aof && !this.aof.lastWriteOk) return `MISCONF Errors writing to the AOF file: ${this.aof.lastError}`;
    return null;
  }

  private setAof(writer: AofWriter | null): void {
    this.aof = writer;
    // The write funnel tells it of keys whose expiry is set (PEXPIREAT) and of evicted keys (DEL).
    if (writer !== null) this.server.keyspace.listen(this.keyNotes, LISTEN_ORDER.aof);
    else this.server.keyspace.unlisten(this.keyNotes);
  }

  /** A command changed the dataset (the dirty counter moved): append it, or its effect, to the AOF. */
  propagate(db: number, cmd: Command, src: Buffer, offsets: Int32Array, lengths: Int32Array, argc: number): void {
    // EXEC itself is not logged: its commands were, one by one, between MULTI and EXEC.
    if (!this.aof || this.loading || cmd.spec.name === "exec") {
      this.keyNotes.clear();
      return;
    }
    if (this.inTransaction && !this.multiWritten) {
      this.aof.args(db, ["MULTI"]);
      this.multiWritten = true;
    }
    propagate(this.aof, this.server.keyspace, db, cmd, src, offsets, lengths, argc, this.server.callContext.now, this.keyNotes);
  }

  /**
   * Writes made outside any command (a plugin's timer callback, host API 1.7): each key's effect, in one
   * MULTI … EXEC when there are several, so a replay applies them together.
   */
  propagateEffects(keys: readonly { db: number; key: Buffer }[]): void {
    this.keyNotes.clear(); // RESTORE … ABSTTL carries the expiry
    if (!this.aof || this.loading || keys.length === 0) return;
    const now = this.server.callContext.now;
    if (keys.length > 1) this.aof.unselected(["MULTI"]);
    for (const { db, key } of keys) logKeyEffect(this.aof, this.server.keyspace, db, key, now);
    if (keys.length > 1) this.aof.unselected(["EXEC"]);
  }

  /** EXEC starts running its queued commands: what they write is logged inside MULTI … EXEC. */
  beginTransaction(): void {
    this.inTransaction = true;
    this.multiWritten = false;
  }

  endTransaction(): void {
    if (this.multiWritten) this.aof?.unselected(["EXEC"]);
    this.inTransaction = this.multiWritten = false;
  }

  /** Before replies are sent: the AOF buffer reaches the file (and the disk, with appendfsync always). */
  flush(): void {
    this.aof?.beforeReply();
  }

  // ---- snapshots

  private dumpAll(writer: SnapshotWriter): void {
    const now = Date.now();
    for (const db of this.server.keyspace.databases) {
      const table: KeyTable = db.table;
      table.scan(0, Number.MAX_SAFE_INTEGER, (id) => {
        const at = table.expire(id);
        if (at === 0 || at > now) writer.addEntry(db.index, table, id, this.server.keyspace);
      });
    }
  }

  /** SAVE: a synchronous snapshot. Returns an error text or null. */
  save(): string | null {
    if (this.job?.kind === "rdb") return "ERR Background save already in progress";
    const dirty = this.server.keyspace.dirty;
    try {
      const writer = new SnapshotWriter(this.snapshotPath, this.blockOptions, this.meta());
      try {
        this.dumpAll(writer);
      } catch (e) {
        writer.abort();
        throw e;
      }
      writer.finish();
      this.savedAt(dirty);
      log("notice", `DB saved on disk (${writer.count} keys)`);
      return null;
    } catch (e) {
      log("warning", `Failed saving the DB: ${(e as Error).message}`);
      return "ERR";
    }
  }

  private savedAt(dirtyAtStart: number): void {
    this.dirtyAtLastSave = dirtyAtStart;
    this.lastSave = Date.now();
    this.lastBgsaveOk = true;
    this.rdbSaves++;
  }

  /** BGSAVE [SCHEDULE]: the reply text. */
  bgsave(schedule: boolean): string {
    if (this.job?.kind === "rdb") return "-ERR Background save already in progress";
    if (this.job) {
      if (!schedule)
        return "-ERR Another child process is active (AOF?): can't BGSAVE right now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.";
      this.bgsaveScheduled = true;
      return "+Background saving scheduled";
    }
    const err = this.startBgsave();
    return err ? `-ERR ${err}` : "+Background saving started";
  }

  private startBgsave(): string | null {
    this.lastBgsaveTry = Date.now();
    let writer: SnapshotWriter;
    try {
      writer = new SnapshotWriter(this.snapshotPath, this.blockOptions, this.meta());
    } catch (e) {
      log("warning", `Can't save in background: ${(e as Error).message}`);
      this.lastBgsaveOk = false;
      return (e as Error).message;
    }
    const dirty = this.server.keyspace.dirty;
    const startedAt = Date.now();
    log("notice", "Background saving started");
    const snapshot: BgSnapshot = new BgSnapshot(this.server.keyspace, writer, (err) => {
      if (this.job?.snapshot === snapshot) this.job = null;
      this.lastBgsaveSeconds = Math.round((Date.now() - startedAt) / 1000);
      if (err) {
        this.lastBgsaveOk = false;
        log("warning", `Background saving error: ${err.message}`);
      } else {
        this.savedAt(dirty);
        log("notice", `Background saving terminated with success (${writer.count} keys)`);
      }
      this.runScheduled();
    });
    this.job = { kind: "rdb", snapshot, startedAt };
    return null;
  }

  // ---- AOF rewrite

  /** BGREWRITEAOF: the reply text. */
  bgrewriteaof(): string {
    if (this.job?.kind === "aof") return "-ERR Background append only file rewriting already in progress";
    if (this.job) {
      this.rewriteScheduled = true;
      return "+Background append only file rewriting scheduled";
    }
    const err = this.startRewrite();
    return err ? `-ERR ${err}` : "+Background append only file rewriting started";
  }

  /**
   * A new base at a point in time T and a new incr file that gets every write after T, switched in the
   * same turn of the event loop; while the base is written the manifest lists the old files plus the
   * new incr, so a crash meanwhile loses nothing; then it lists the new base and the new incr only.
   */
  private startRewrite(): string | null {
    const m = this.manifest;
    this.lastRewriteTry = Date.now();
    const seq = m.nextSeq();
    const incr: AofFile = { name: m.incrName(seq), seq, type: "i" };
    const base: AofFile = { name: m.baseName(seq), seq, type: "b" };
    let writer: SnapshotWriter;
    try {
      mkdirSync(m.dir, { recursive: true });
      writer = new SnapshotWriter(m.file(base.name), this.blockOptions, this.meta());
      const fd = openAppend(m.file(incr.name));
      if (this.aof) {
        const old = this.aof.switchTo(fd);
        fsyncSync(old);
        closeSync(old);
        // Without a manifest yet (the AOF being turned on) there is nothing older to keep.
        if (m.files.length) m.write([...m.files, incr]);
      } else {
        this.setAof(new AofWriter(fd, 0, this.policy()));
      }
    } catch (e) {
      log("warning", `Can't rewrite append only file in background: ${(e as Error).message}`);
      this.lastRewriteOk = false;
      return (e as Error).message;
    }
    const startedAt = Date.now();
    log("notice", "Background append only file rewriting started");
    const snapshot: BgSnapshot = new BgSnapshot(this.server.keyspace, writer, (err) => {
      if (this.job?.snapshot === snapshot) this.job = null;
      this.lastRewriteSeconds = Math.round((Date.now() - startedAt) / 1000);
      if (!err) {
        try {
          const old = m.files;
          m.write([base, incr]);
          for (const f of old) if (f.name !== incr.name) rmSync(m.file(f.name), { force: true });
        } catch (e) {
          err = e as Error;
        }
      }
      if (err) {
        this.lastRewriteOk = false;
        this.rewriteFailures++;
        log("warning", `Background AOF rewrite failed: ${err.message}`);
      } else {
        this.lastRewriteOk = true;
        this.rewriteFailures = 0;
        this.rewrites++;
        this.aofBaseSize = writer.bytes;
        log("notice", "Background AOF rewrite finished successfully");
      }
      this.runScheduled();
    });
    this.job = { kind: "aof", snapshot, startedAt };
    return null;
  }

  /** CONFIG SET appendonly yes at run time: like Redis, the AOF starts with a rewrite. */
  private enableAof(): void {
    if (this.aof || this.loading) return;
    // Files of an earlier AOF period are stale: only their sequence numbers are kept, and the rewrite's
    // success removes them.
    if (this.manifest.exists()) this.manifest.read();
    if (this.job) this.rewriteScheduled = true;
    else this.startRewrite();
  }

  private disableAof(): void {
    if (this.job?.kind === "aof") {
      this.job.snapshot.cancel();
      this.job = null;
    }
    this.aof?.close();
    this.setAof(null);
  }

  private runScheduled(): void {
    if (this.rewriteScheduled) {
      this.rewriteScheduled = false;
      if (this.server.config.bool("appendonly")) this.startRewrite();
    } else if (this.bgsaveScheduled) {
      this.bgsaveScheduled = false;
      this.startBgsave();
    }
  }

  /** `save` rules and auto-aof-rewrite, ten times a second (Redis checks them in serverCron). */
  private cron(): void {
    if (this.job || this.loading) return;
    const rules = parseSaveRules(this.server.config.get("save")) ?? [];
    const dirty = this.server.keyspace.dirty - this.dirtyAtLastSave;
    const now = Date.now();
    const rule = saveDue(rules, dirty, now - this.lastSave);
    if (rule && (this.lastBgsaveOk || now - this.lastBgsaveTry > RETRY_DELAY_MS)) {
      log("notice", `${rule.changes} changes in ${rule.seconds} seconds. Saving...`);
      this.startBgsave();
      return;
    }
    if (this.aof && !this.lastRewriteOk && now - this.lastRewriteTry > RETRY_DELAY_MS) {
      this.startRewrite();
      return;
    }
    const pct = this.server.config.int("auto-aof-rewrite-percentage");
    const min = this.server.config.int("auto-aof-rewrite-min-size");
    if (this.aof && pct > 0 && this.aof.size + this.aofBaseSize >= min && this.aof.size * 100 >= this.aofBaseSize * pct) {
      log("notice", `Starting automatic rewriting of AOF on ${Math.round((this.aof.size * 100) / Math.max(1, this.aofBaseSize))}% growth`);
      this.startRewrite();
    }
  }

  /** SHUTDOWN: finish the AOF and, when `save` rules exist (or SAVE was asked), a last snapshot. */
  shutdown(mode: "default" | "save" | "nosave"): string | null {
    this.job?.snapshot.cancel();
    this.job = null;
    this.aof?.close();
    this.setAof(null);
    const rules = parseSaveRules(this.server.config.get("save")) ?? [];
    if (mode === "save" || (mode === "default" && rules.length > 0)) {
      log("notice", "Saving the final snapshot before exiting.");
      return this.save();
    }
    return null;
  }

  infoLines(): string[] {
    const job = this.job;
    const now = Date.now();
    const aof = this.aof;
    return [
      `loading:${this.loading ? 1 : 0}`,
      "async_loading:0",
      `rdb_changes_since_last_save:${this.server.keyspace.dirty - this.dirtyAtLastSave}`,
      `rdb_bgsave_in_progress:${job?.kind === "rdb" ? 1 : 0}`,
      `rdb_last_save_time:${Math.floor(this.lastSave / 1000)}`,
      `rdb_last_bgsave_status:${this.lastBgsaveOk ? "ok" : "err"}`,
      `rdb_last_bgsave_time_sec:${this.lastBgsaveSeconds}`,
      `rdb_current_bgsave_time_sec:${job?.kind === "rdb" ? Math.round((now - job.startedAt) / 1000) : -1}`,
      `rdb_saves:${this.rdbSaves}`,
      `aof_enabled:${aof ? 1 : 0}`,
      `aof_rewrite_in_progress:${job?.kind === "aof" ? 1 : 0}`,
      `aof_rewrite_scheduled:${this.rewriteScheduled ? 1 : 0}`,
      `aof_last_rewrite_time_sec:${this.lastRewriteSeconds}`,
      `aof_current_rewrite_time_sec:${job?.kind === "aof" ? Math.round((now - job.startedAt) / 1000) : -1}`,
      `aof_last_bgrewrite_status:${this.lastRewriteOk ? "ok" : "err"}`,
      `aof_rewrites:${this.rewrites}`,
      `aof_rewrites_consecutive_failures:${this.rewriteFailures}`,
      `aof_last_write_status:${!aof || aof.lastWriteOk ? "ok" : "err"}`,
      ...(aof ? [`aof_current_size:${aof.size + this.aofBaseSize}`, `aof_base_size:${this.aofBaseSize}`] : []),
    ];
  }
}
