// The keyspace events hash commands raise (Redis's names); `del` for an emptied hash is the host's.
import { KeyEvent, NOTIFY_HASH } from "ferrite-sdk";

export const HSET = new KeyEvent(NOTIFY_HASH, "hset");
export const HDEL = new KeyEvent(NOTIFY_HASH, "hdel");
export const HINCRBY = new KeyEvent(NOTIFY_HASH, "hincrby");
export const HINCRBYFLOAT = new KeyEvent(NOTIFY_HASH, "hincrbyfloat");
