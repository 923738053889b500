// The keyspace events set commands raise (Redis's names); `del` for an emptied set is the host's.
import { KeyEvent, NOTIFY_SET } from "ferrite-sdk";

export const SADD = new KeyEvent(NOTIFY_SET, "sadd");
export const SREM = new KeyEvent(NOTIFY_SET, "srem");
export const SPOP = new KeyEvent(NOTIFY_SET, "spop");
export const SINTERSTORE = new KeyEvent(NOTIFY_SET, "sinterstore");
export const SUNIONSTORE = new KeyEvent(NOTIFY_SET, "sunionstore");
export const SDIFFSTORE = new KeyEvent(NOTIFY_SET, "sdiffstore");
