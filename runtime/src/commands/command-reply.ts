// COMMAND INFO and COMMAND DOCS entries, element by element as Redis's addReplyCommandInfo and
// addReplyCommandDocs write them: flags and categories are status strings in sets, key specs and
// documentation are maps, and everything comes from the command's spec (core JSON or plugin manifest).
import type { CommandDoc, KeySpec } from "../../../host-api/manifest.js";
import type { Command } from "../command/command-table.js";
import type { ReplyWriter } from "../protocol/reply-writer.js";

/** A COMMAND DOCS argument, as Redis's JSON command files spell it. */
interface DocArgument {
  name: string;
  type: string;
  display_text?: string;
  key_spec_index?: number;
  token?: string;
  summary?: string;
  since?: string;
  deprecated_since?: string;
  flags?: string[];
  arguments?: DocArgument[];
}

/** Flags as Redis's addReplyCommandFlags writes them: status strings in a set. */
export function statusSet(w: ReplyWriter, items: readonly string[]): void {
  w.set(items.length);
  for (const item of items) w.simple(item);
}

function subcommandsOf(cmd: Command): Command[] {
  return cmd.subcommands ? [...cmd.subcommands.values()] : [];
}

function writeBeginSearch(w: ReplyWriter, b: KeySpec["begin_search"]): void {
  w.map(2);
  w.bulkString("type"); w.bulkString(b.type);
  w.bulkString("spec");
  if (b.type === "index") {
    w.map(1);
    w.bulkString("index"); w.int(b.spec.index);
  } else if (b.type === "keyword") {
    w.map(2);
    w.bulkString("keyword"); w.bulkString(b.spec.keyword);
    w.bulkString("startfrom"); w.int(b.spec.startfrom);
  } else {
    w.map(0);
  }
}

function writeFindKeys(w: ReplyWriter, f: KeySpec["find_keys"]): void {
  w.map(2);
  w.bulkString("type"); w.bulkString(f.type);
  w.bulkString("spec");
  if (f.type === "range") {
    w.map(3);
    w.bulkString("lastkey"); w.int(f.spec.lastkey);
    w.bulkString("keystep"); w.int(f.spec.keystep);
    w.bulkString("limit"); w.int(f.spec.limit);
  } else if (f.type === "keynum") {
    w.map(3);
    w.bulkString("keynumidx"); w.int(f.spec.keynumidx);
    w.bulkString("firstkey"); w.int(f.spec.firstkey);
    w.bulkString("keystep"); w.int(f.spec.keystep);
  } else {
    w.map(0);
  }
}

function writeKeySpec(w: ReplyWriter, spec: KeySpec): void {
  w.map(spec.notes ? 4 : 3);
  if (spec.notes) {
    w.bulkString("notes"); w.bulkString(spec.notes);
  }
  w.bulkString("flags"); statusSet(w, spec.flags);
  w.bulkString("begin_search"); writeBeginSearch(w, spec.begin_search);
  w.bulkString("find_keys"); writeFindKeys(w, spec.find_keys);
}

export function writeCommandInfo(w: ReplyWriter, cmd: Command): void {
  const s = cmd.spec;
  w.array(10);
  w.bulkString(s.name);
  w.int(s.arity);
  statusSet(w, s.flags);
  w.int(s.first_key);
  w.int(s.last_key);
  w.int(s.step);
  statusSet(w, s.acl_categories);
  w.set(s.tips?.length ?? 0);
  for (const tip of s.tips ?? []) w.bulkString(tip);
  const keySpecs = s.key_specs ?? [];
  w.set(keySpecs.length);
  for (const spec of keySpecs) writeKeySpec(w, spec);
  // Redis sends an empty set, not an empty array, for a command without subcommands.
  const subs = subcommandsOf(cmd);
  if (subs.length) w.array(subs.length);
  else w.set(0);
  for (const sub of subs) writeCommandInfo(w, sub);
}

/** Map entries written after their count is known; COMMAND DOCS is not on a hot path. */
class MapEntries {
  private readonly entries: [string, () => void][] = [];

  constructor(private readonly w: ReplyWriter) {}

  add(name: string, write: () => void): void {
    this.entries.push([name, write]);
  }

  text(name: string, value: string | undefined): void {
    if (value !== undefined) this.add(name, () => this.w.bulkString(value));
  }

  write(): void {
    this.w.map(this.entries.length);
    for (const [name, write] of this.entries) {
      this.w.bulkString(name);
      write();
    }
  }
}

function writeArguments(w: ReplyWriter, args: readonly DocArgument[]): void {
  w.array(args.length);
  for (const a of args) {
    const m = new MapEntries(w);
    m.text("name", a.name);
    m.text("type", a.type);
    m.text("display_text", a.display_text);
    if (a.key_spec_index !== undefined) m.add("key_spec_index", () => w.int(a.key_spec_index!));
    m.text("token", a.token);
    m.text("summary", a.summary);
    m.text("since", a.since);
    m.text("deprecated_since", a.deprecated_since);
    if (a.flags) m.add("flags", () => statusSet(w, a.flags!));
    if (a.type === "oneof" || a.type === "block") m.add("arguments", () => writeArguments(w, a.arguments ?? []));
    m.write();
  }
}

export function writeCommandDocs(w: ReplyWriter, cmd: Command): void {
  const doc: Partial<CommandDoc> = cmd.spec.doc ?? {};
  const m = new MapEntries(w);
  m.text("summary", doc.summary);
  m.text("since", doc.since);
  // Redis always sends the group; "module" is its group for module commands without one.
  m.text("group", doc.group ?? "module");
  m.text("complexity", doc.complexity);
  m.text("module", cmd.plugin?.name);
  if (doc.doc_flags) m.add("doc_flags", () => statusSet(w, doc.doc_flags!));
  m.text("deprecated_since", doc.deprecated_since);
  m.text("replaced_by", doc.replaced_by);
  if (doc.history) {
    const history = doc.history;
    m.add("history", () => {
      w.set(history.length);
      for (const [version, change] of history) {
        w.array(2);
        w.bulkString(version);
        w.bulkString(change);
      }
    });
  }
  if (doc.arguments) m.add("arguments", () => writeArguments(w, doc.arguments as DocArgument[]));
  const subs = subcommandsOf(cmd);
  if (subs.length) {
    m.add("subcommands", () => {
      w.map(subs.length);
      for (const sub of subs) {
        w.bulkString(sub.spec.name);
        writeCommandDocs(w, sub);
      }
    });
  }
  m.write();
}
