// The keyspace events JSON commands raise: RedisJSON's names, in the module class (`d`).
import { KeyEvent, NOTIFY_MODULE } from "ferrite-sdk";

export const JSON_SET = new KeyEvent(NOTIFY_MODULE, "json.set");
export const JSON_DEL = new KeyEvent(NOTIFY_MODULE, "json.del");
export const JSON_MERGE = new KeyEvent(NOTIFY_MODULE, "json.merge");
export const JSON_CLEAR = new KeyEvent(NOTIFY_MODULE, "json.clear");
export const JSON_TOGGLE = new KeyEvent(NOTIFY_MODULE, "json.toggle");
export const JSON_NUMINCRBY = new KeyEvent(NOTIFY_MODULE, "json.numincrby");
export const JSON_NUMMULTBY = new KeyEvent(NOTIFY_MODULE, "json.nummultby");
export const JSON_STRAPPEND = new KeyEvent(NOTIFY_MODULE, "json.strappend");
export const JSON_ARRAPPEND = new KeyEvent(NOTIFY_MODULE, "json.arrappend");
export const JSON_ARRINSERT = new KeyEvent(NOTIFY_MODULE, "json.arrinsert");
export const JSON_ARRPOP = new KeyEvent(NOTIFY_MODULE, "json.arrpop");
export const JSON_ARRTRIM = new KeyEvent(NOTIFY_MODULE, "json.arrtrim");
