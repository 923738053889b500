// The keyspace events sorted-set and geo commands raise (Redis's names); `del` for an emptied set is the host's.
import { KeyEvent, NOTIFY_ZSET } from "ferrite-sdk";

export const ZADD = new KeyEvent(NOTIFY_ZSET, "zadd");
export const ZINCR = new KeyEvent(NOTIFY_ZSET, "zincr");
export const ZREM = new KeyEvent(NOTIFY_ZSET, "zrem");
export const ZPOPMIN = new KeyEvent(NOTIFY_ZSET, "zpopmin");
export const ZPOPMAX = new KeyEvent(NOTIFY_ZSET, "zpopmax");
export const ZREMRANGEBYRANK = new KeyEvent(NOTIFY_ZSET, "zremrangebyrank");
export const ZREMRANGEBYSCORE = new KeyEvent(NOTIFY_ZSET, "zremrangebyscore");
export const ZREMRANGEBYLEX = new KeyEvent(NOTIFY_ZSET, "zremrangebylex");
export const ZUNIONSTORE = new KeyEvent(NOTIFY_ZSET, "zunionstore");
export const ZINTERSTORE = new KeyEvent(NOTIFY_ZSET, "zinterstore");
export const ZDIFFSTORE = new KeyEvent(NOTIFY_ZSET, "zdiffstore");
export const ZRANGESTORE = new KeyEvent(NOTIFY_ZSET, "zrangestore");
export const GEOSEARCHSTORE = new KeyEvent(NOTIFY_ZSET, "geosearchstore");
export const GEORADIUSSTORE = new KeyEvent(NOTIFY_ZSET, "georadiusstore");
