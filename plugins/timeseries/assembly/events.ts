// The keyspace events time series commands raise (RedisTimeSeries's names and classes: the module class,
// but TS.INCRBY/TS.DECRBY in the generic one, as its TSDB_incrby raises them).
import { KeyEvent, NOTIFY_GENERIC, NOTIFY_MODULE } from "ferrite-sdk";

export const TS_ADD = new KeyEvent(NOTIFY_MODULE, "ts.add");
export const TS_ADD_DEST = new KeyEvent(NOTIFY_MODULE, "ts.add:dest");
export const TS_CREATE = new KeyEvent(NOTIFY_MODULE, "ts.create");
export const TS_ALTER = new KeyEvent(NOTIFY_MODULE, "ts.alter");
export const TS_DEL = new KeyEvent(NOTIFY_MODULE, "ts.del");
export const TS_INCRBY = new KeyEvent(NOTIFY_GENERIC, "ts.incrby");
export const TS_DECRBY = new KeyEvent(NOTIFY_GENERIC, "ts.decrby");
export const TS_CREATERULE_SRC = new KeyEvent(NOTIFY_MODULE, "ts.createrule:src");
export const TS_CREATERULE_DEST = new KeyEvent(NOTIFY_MODULE, "ts.createrule:dest");
export const TS_DELETERULE_SRC = new KeyEvent(NOTIFY_MODULE, "ts.deleterule:src");
export const TS_DELETERULE_DEST = new KeyEvent(NOTIFY_MODULE, "ts.deleterule:dest");
