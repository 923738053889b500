// Temp files a killed server leaves behind (kill -9 during BGSAVE or BGREWRITEAOF, a crash mid-SAVE):
// snapshot writers' `temp-<pid>-<n>.fsnap` and the AOF manifest's `.tmp`. Removed at startup, before
// loading, as Redis removes its temp files, so they neither pile up nor fill the disk. A temp file whose
// pid is another live process is left alone: a second server sharing the dir may be writing it.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { log } from "../log.js";
import { TEMP_NAME } from "./snapshot-writer.js";

function alive(pid: number): boolean {
  if (pid === process.pid) return false; // nothing of ours is being written yet
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Remove stale snapshot temp files in `dirs` and the manifest temp `manifestTemp`; returns the paths removed. */
export function removeStaleTempFiles(dirs: readonly string[], manifestTemp: string): string[] {
  const stale: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // no such dir yet: nothing was ever written there
    }
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (m && !alive(Number(m[1]))) stale.push(join(dir, name));
    }
  }
  stale.push(manifestTemp);
  const removed: string[] = [];
  for (const path of stale) {
    try {
      rmSync(path);
      removed.push(path);
    } catch {
      // already gone (the manifest temp usually is)
    }
  }
  for (const path of removed) log("notice", `Removed the stale temp file ${path}`);
  return removed;
}
