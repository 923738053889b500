// The AOF's file set, Redis 7's multi-part layout: in `<dir>/<appenddirname>/`, one base file (a
// snapshot in our format) and incremental files of RESP commands, listed in order by a manifest whose
// lines read `file <name> seq <n> type <b|i>`. The manifest is replaced atomically (temp + fsync + rename),
// so a crash during a rewrite leaves a set that loads.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";

export interface AofFile {
  name: string;
  seq: number;
  type: "b" | "i";
}

export class AofManifest {
  files: AofFile[] = [];

  constructor(readonly dir: string, readonly prefix: string) {}

  /** Where a new manifest is written before it is renamed over the old one. */
  get tempPath(): string {
    return `${this.path}.tmp`;
  }

  get path(): string {
    return join(this.dir, `${this.prefix}.manifest`);
  }

  exists(): boolean {
    return existsSync(this.path);
  }

  read(): void {
    this.files = [];
    for (const line of readFileSync(this.path, "utf8").split("\n")) {
      if (!line.trim() || line.startsWith("#")) continue;
      const m = /^file (\S+) seq (\d+) type ([bi])$/.exec(line.trim());
      if (!m) throw new Error(`Invalid AOF manifest line: '${line}'`);
      this.files.push({ name: m[1], seq: Number(m[2]), type: m[3] as "b" | "i" });
    }
    if (this.files.filter((f) => f.type === "b").length > 1) throw new Error("The AOF manifest lists more than one base file");
  }

  nextSeq(): number {
    return this.files.reduce((m, f) => Math.max(m, f.seq), 0) + 1;
  }

  baseName(seq: number): string {
    return `${this.prefix}.${seq}.base.fsnap`;
  }

  incrName(seq: number): string {
    return `${this.prefix}.${seq}.incr.aof`;
  }

  file(name: string): string {
    return join(this.dir, name);
  }

  write(files: AofFile[]): void {
    mkdirSync(this.dir, { recursive: true });
    const temp = this.tempPath;
    const fd = openSync(temp, "w");
    try {
      writeSync(fd, files.map((f) => `file ${f.name} seq ${f.seq} type ${f.type}\n`).join(""));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
    this.files = files;
  }
}
