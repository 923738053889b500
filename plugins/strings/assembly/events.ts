// The keyspace events string commands raise (Redis's names); generic ones (del, expire, persist) are the host's.
import { KeyEvent, NOTIFY_STRING } from "ferrite-sdk";

export const SET = new KeyEvent(NOTIFY_STRING, "set");
export const APPEND = new KeyEvent(NOTIFY_STRING, "append");
export const INCRBY = new KeyEvent(NOTIFY_STRING, "incrby");
export const INCRBYFLOAT = new KeyEvent(NOTIFY_STRING, "incrbyfloat");
export const SETRANGE = new KeyEvent(NOTIFY_STRING, "setrange");
export const SETBIT = new KeyEvent(NOTIFY_STRING, "setbit");
