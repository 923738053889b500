// The keyspace events HyperLogLog commands raise: Redis files `pfadd` under strings ($), the type it
// uses. `new` is the host's event for a created key, raised here because the SET that creates it is silent.
import { KeyEvent, NOTIFY_NEW, NOTIFY_STRING } from "ferrite-sdk";

export const NEW = new KeyEvent(NOTIFY_NEW, "new");
export const PFADD = new KeyEvent(NOTIFY_STRING, "pfadd");
