// The keyspace events stream commands raise (Redis's names).
import { KeyEvent, NOTIFY_STREAM } from "ferrite-sdk";

export const XADD = new KeyEvent(NOTIFY_STREAM, "xadd");
export const XTRIM = new KeyEvent(NOTIFY_STREAM, "xtrim");
export const XDEL = new KeyEvent(NOTIFY_STREAM, "xdel");
export const XGROUP_CREATE = new KeyEvent(NOTIFY_STREAM, "xgroup-create");
export const XGROUP_CREATECONSUMER = new KeyEvent(NOTIFY_STREAM, "xgroup-createconsumer");
export const XGROUP_DELCONSUMER = new KeyEvent(NOTIFY_STREAM, "xgroup-delconsumer");
export const XGROUP_DESTROY = new KeyEvent(NOTIFY_STREAM, "xgroup-destroy");
export const XGROUP_SETID = new KeyEvent(NOTIFY_STREAM, "xgroup-setid");
export const XSETID = new KeyEvent(NOTIFY_STREAM, "xsetid");
