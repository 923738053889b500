// The `aclfile`: one `user <name> <rules…>` line per user, as ACL SAVE writes and ACL LOAD and startup
// read it. Loading is all or nothing: any error leaves the active users unchanged, and every error is
// reported in Redis's wording.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { CommandTable } from "../command/command-table.js";
import type { User } from "./user.js";
import { Users } from "./users.js";

/** The users the file defines (default included, as a fresh one when the file leaves it out), or the error text. */
export function readAclFile(path: string, commands: CommandTable): Map<string, User> | string {
  let text: string;
  try {
    text = readFileSync(path, "latin1");
  } catch (e) {
    return `Error loading ACLs, opening file '${path}': ${(e as NodeJS.ErrnoException).message}`;
  }
  const users = new Map<string, User>();
  let errors = "";
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    const words = line.split(/\s+/);
    const where = `${path}:${i + 1}`;
    if (words[0] !== "user" || words.length < 2) {
      errors += `${where} should start with user keyword followed by the username. `;
      continue;
    }
    const name = words[1];
    if (users.has(name)) {
      errors += `WARNING: Duplicate user '${name}' found on line ${i + 1}. `;
      continue;
    }
    // Every user, default included, starts from nothing (off, no permissions), as in Redis's ACLLoadFromFile.
    const built = Users.build(commands, undefined, name, words.slice(2));
    if (typeof built === "string") {
      errors += `${where}: ${built.replace(/^ERR Error in ACL SETUSER modifier '([^']*)': /, "Error in applying operation '$1': ")}. `;
      continue;
    }
    users.set(name, built);
  }
  if (errors) return `${errors}WARNING: ACL errors detected, no change to the previously active ACL rules was performed`;
  if (!users.has("default")) users.set("default", Users.fresh(commands, "default"));
  return users;
}

/** Write every user, through a temporary file renamed over the old one so a crash never leaves half a file. */
export function writeAclFile(path: string, users: User[]): void {
  const text = users.map((u) => `user ${u.name} ${u.describe()}\n`).join("");
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text, "latin1");
  renameSync(tmp, path);
}
