// FT.AGGREGATE WITHCURSOR's cursors: the rows not yet read, per index, until read to the end,
// deleted, or idle longer than their MAXIDLE (checked whenever cursors are touched, as RediSearch's
// periodic GC would). Ids are random, as RediSearch's are, so a client cannot guess another's.
import { nowMs, randomBelow } from "ferrite-sdk";
import { Row } from "./row";

export class Cursor {
  id: i64 = 0;
  /** The index (its address: an alias reaches the same cursors; dropping it closes them). */
  index: usize = 0;
  rows: Array<Row> = [];
  next: i32 = 0;
  total: i64 = 0;
  count: i32 = 0;
  maxIdle: i64 = 0;
  lastUsed: i64 = 0;
}

const cursors: Array<Cursor> = [];

function expire(): void {
  const now = nowMs();
  for (let i = cursors.length - 1; i >= 0; i--) {
    if (now - cursors[i].lastUsed > cursors[i].maxIdle) cursors.splice(i, 1);
  }
}

export function openCursor(index: usize, rows: Array<Row>, total: i64, count: i32, maxIdle: i64): Cursor {
  expire();
  const c = new Cursor();
  do {
    c.id = (<i64>randomBelow(0x7fffffff) << 20) | <i64>randomBelow(0x100000);
  } while (c.id == 0 || findCursor(index, c.id) !== null);
  c.index = index;
  c.rows = rows;
  c.total = total;
  c.count = count;
  c.maxIdle = maxIdle;
  c.lastUsed = nowMs();
  cursors.push(c);
  return c;
}

export function findCursor(index: usize, id: i64): Cursor | null {
  expire();
  for (let i = 0; i < cursors.length; i++) {
    if (cursors[i].id == id && cursors[i].index == index) {
      cursors[i].lastUsed = nowMs();
      return cursors[i];
    }
  }
  return null;
}

export function closeCursor(c: Cursor): void {
  const i = cursors.indexOf(c);
  if (i >= 0) cursors.splice(i, 1);
}

/** Cursors of an index that is dropped go with it. */
export function closeIndexCursors(index: usize): void {
  for (let i = cursors.length - 1; i >= 0; i--) if (cursors[i].index == index) cursors.splice(i, 1);
}

export function cursorCount(): i32 { return cursors.length; }
