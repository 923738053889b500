// The keyspace events list commands raise (Redis's names); `del` for an emptied list is the host's.
import { KeyEvent, NOTIFY_LIST } from "ferrite-sdk";
import { LEFT } from "./list";

export const LPUSH = new KeyEvent(NOTIFY_LIST, "lpush");
export const RPUSH = new KeyEvent(NOTIFY_LIST, "rpush");
export const LPOP = new KeyEvent(NOTIFY_LIST, "lpop");
export const RPOP = new KeyEvent(NOTIFY_LIST, "rpop");
export const LINSERT = new KeyEvent(NOTIFY_LIST, "linsert");
export const LSET = new KeyEvent(NOTIFY_LIST, "lset");
export const LREM = new KeyEvent(NOTIFY_LIST, "lrem");
export const LTRIM = new KeyEvent(NOTIFY_LIST, "ltrim");

export function pushEvent(where: i32): KeyEvent { return where == LEFT ? LPUSH : RPUSH; }
export function popEvent(where: i32): KeyEvent { return where == LEFT ? LPOP : RPOP; }
