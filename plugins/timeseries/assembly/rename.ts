// RENAME of a series that is a compaction's source or destination: the host raises rename_from (the old
// name) then rename_to (the new one); the rules that name the old key are repointed at the new one,
// as RedisTimeSeries does on the same events.
import { FIND_WRITE, MISSING, WRONGTYPE, keyFind } from "ferrite-sdk";
import { Rule, findRule, ruleDest, ruleFootprint, ruleNew } from "./rules";
import { Series, TS_TYPE, replaceBlock } from "./series";

let renamed: usize = 0;
let renamedLen: i32 = 0;
let renamedCap: i32 = 0;

export function rememberRenamed(key: usize, len: i32): void {
  if (len > renamedCap) {
    if (renamed) heap.free(renamed);
    renamedCap = len;
    renamed = heap.alloc(<usize>len);
  }
  memory.copy(renamed, key, <usize>len);
  renamedLen = len;
}

function openSeries(key: usize, len: i32): Series {
  const h = keyFind(key, len, TS_TYPE, FIND_WRITE);
  return h == MISSING || h == WRONGTYPE ? changetype<Series>(0) : changetype<Series>(<usize>h);
}

/** The series now at `key` was renamed from the remembered name: fix its source's rule and its destinations' source. */
export function relinkRenamed(s: Series, key: usize, len: i32): void {
  if (s.srcKey) {
    const src = openSeries(s.srcKey, s.srcKeyLen);
    if (src) renameRuleDest(src, key, len);
  }
  for (let r = s.rules; r; r = changetype<Rule>(r).next) {
    const rule = changetype<Rule>(r);
    const dest = openSeries(ruleDest(rule), rule.destLen);
    if (!dest) continue;
    dest.srcKey = replaceBlock(dest, dest.srcKey, dest.srcKeyLen, key, len);
    dest.srcKeyLen = len;
  }
}

/** Repoints src's rule for the remembered name at `key`, keeping its open bucket. */
function renameRuleDest(src: Series, key: usize, len: i32): void {
  const old = findRule(src, renamed, renamedLen);
  if (!old) return;
  const fresh = ruleNew(key, len, old.agg, old.bucket, old.align);
  fresh.open = old.open;
  heap.free(changetype<usize>(fresh.acc));
  fresh.acc = old.acc;
  fresh.next = old.next;
  let link = changetype<usize>(src) + offsetof<Series>("rules");
  while (<usize>load<u32>(link) != changetype<usize>(old)) link = <usize>load<u32>(link); // Rule.next is its first field
  store<u32>(link, <u32>changetype<usize>(fresh));
  src.bytes += ruleFootprint(fresh) - ruleFootprint(old);
  heap.free(changetype<usize>(old));
}

