// Scripts of write commands, one per type (every write command, and the key becoming empty), run by
// the differential test against Ferrite and redis-server.
import type { Redis } from "ioredis";
import type { Step } from "./event-stream.js";

/** A client blocked in `command` on `key` (a list or sorted set), then served by `push` from another client. */
const servedLater = (block: (string | number)[], push: (string | number)[]) => async (r: Redis) => {
  const blocked = r.duplicate();
  try {
    const served = blocked.call(String(block[0]), ...block.slice(1).map(String));
    await new Promise((ok) => setTimeout(ok, 100));
    await r.call(String(push[0]), ...push.slice(1).map(String));
    await served;
  } finally {
    blocked.disconnect();
  }
};

/** DUMP `src` and RESTORE it as `dst` with `options`. */
const restore = (src: string, dst: string, ...options: (string | number)[]) => async (r: Redis) =>
  r.call("restore", dst, 0, (await r.dumpBuffer(src))!, ...options.map(String)).catch(() => undefined);

export const SCRIPTS: Record<string, Step[]> = {
  strings: [
    ["set", "s", "v"], ["set", "s", "w", "ex", 100], ["set", "s", "x", "keepttl"], ["set", "s", "y", "nx"],
    ["set", "s2", "y", "xx"], ["set", "s", "z", "get"], ["set", "s", "z", "px", 100000, "get"],
    ["setnx", "s", "a"], ["setnx", "s3", "a"], ["setex", "s4", 100, "v"], ["psetex", "s5", 100000, "v"],
    ["mset", "m1", "a", "m2", "b"], ["msetnx", "m1", "a", "m3", "c"], ["msetnx", "m4", "a", "m5", "c"],
    ["getset", "s", "g"], ["getset", "gnew", "g"], ["getdel", "s"], ["getdel", "missing"],
    ["getex", "m1", "ex", 100], ["getex", "m1", "persist"], ["getex", "m1", "persist"], ["getex", "m2"],
    ["append", "ap", "x"], ["append", "ap", "yz"], ["incr", "n"], ["decr", "n"], ["incrby", "n", 5],
    ["decrby", "n", 2], ["incrbyfloat", "n", "1.5"], ["incr", "ap"], ["setrange", "sr", 3, "abc"],
    ["setrange", "sr", 0, "x"], ["setrange", "sr", 1, ""], ["setbit", "b", 7, 1], ["setbit", "b", 100, 0],
    ["setbit", "b", 7, 1], ["setbit", "b", 7, 0],
    ["bitfield", "bf", "set", "u8", 0, 200, "incrby", "u8", 0, 100], ["bitfield", "bf", "overflow", "fail", "incrby", "u8", 0, 250],
    ["bitfield", "bf", "get", "u8", 0], ["bitfield", "bf", "set", "u8", 0, 44, "incrby", "u8", 0, 0],
    ["bitfield", "bf", "set", "u8", 0, 44, "set", "u8", 0, 45], ["bitop", "and", "dest", "b", "bf"], ["bitop", "or", "dest", "nokey1", "nokey2"],
    ["getex", "m2", "exat", 1], ["set", "ws", "v"], ["lpush", "wl", "x"], ["set", "wl", "replaced"],
  ],
  keys: [
    ["set", "a", "1"], ["set", "b", "2"], ["del", "a", "b", "nokey"], ["set", "u", "1"], ["unlink", "u", "nokey"],
    ["set", "e", "1"], ["expire", "e", 100], ["pexpire", "e", 100000], ["expireat", "e", 4000000000],
    ["pexpireat", "e", 4000000000000], ["expire", "e", 100, "nx"], ["expire", "e", 200, "xx"], ["persist", "e"],
    ["persist", "e"], ["expire", "e", -1], ["set", "r", "1"], ["rename", "r", "r2"], ["set", "r3", "x"],
    ["rename", "r2", "r3"], ["renamenx", "r3", "r4"], ["set", "r5", "y"], ["renamenx", "r4", "r5"],
    ["rename", "r4", "r4"], ["move", "r4", 1], ["set", "c", "1"], ["copy", "c", "c2"], ["copy", "c", "c2"],
    ["copy", "c", "c2", "replace"], ["copy", "c", "c3", "db", 2], ["set", "t", "1"], ["touch", "t"],
    ["set", "px", "v", "px", 30], 60, ["get", "px"], ["set", "ax", "v", "px", 30], 400,
    ["swapdb", 0, 1], ["swapdb", 0, 1], ["flushdb"],
  ],
  "reads of missing keys (keymiss)": [
    ["get", "no"], ["type", "no"], ["exists", "no"], ["dump", "no"], ["strlen", "no"], ["hget", "no", "f"],
    ["hgetall", "no"], ["lrange", "no", 0, -1], ["llen", "no"], ["smembers", "no"], ["sismember", "no", "m"],
    ["zscore", "no", "m"], ["zrange", "no", 0, -1], ["xrange", "no", "-", "+"], ["pfcount", "no"], ["getrange", "no", 0, 1],
    ["set", "s", "v"], ["get", "s"], ["hget", "s", "f"], ["touch", "no"], ["sort_ro", "no"],
  ],
  "dump and restore": [
    ["rpush", "l", "a", "b"], ["set", "s", "v"], restore("l", "l2"), restore("l", "l2"), restore("s", "l2", "replace"),
    restore("s", "s3", "absttl"), async (r) => r.call("restore", "l2", 1, (await r.dumpBuffer("l"))!, "replace", "absttl"),
  ],
  hash: [
    ["hset", "h", "a", "1", "b", "2"], ["hset", "h", "a", "1"], ["hsetnx", "h", "a", "x"], ["hsetnx", "h", "c", "3"],
    ["hmset", "h", "d", "4"], ["hincrby", "h", "n", 5], ["hincrbyfloat", "h", "f", "1.5"], ["hdel", "h", "zz"],
    ["hdel", "h", "a", "b"], ["hdel", "h", "c", "d", "n", "f"],
  ],
  list: [
    ["lpush", "l", "a", "b"], ["rpush", "l", "c"], ["lpushx", "l", "d"], ["rpushx", "l", "e"], ["lpushx", "nol", "x"],
    ["linsert", "l", "before", "a", "z"], ["linsert", "l", "after", "nope", "z"], ["lset", "l", 0, "q"],
    ["lrem", "l", 0, "z"], ["lrem", "l", 0, "nope"], ["ltrim", "l", 0, 2], ["lpop", "l"], ["rpop", "l"],
    ["lpop", "l", 5], ["rpush", "l", "a", "b", "c"], ["rpoplpush", "l", "l2"], ["lmove", "l", "l2", "left", "right"],
    ["lmove", "l", "l", "left", "right"], ["lmove", "l", "l3", "right", "left"], ["blpop", "l2", 0],
    ["brpop", "l2", 0], ["rpush", "m", "1", "2"], ["lmpop", 1, "m", "left", "count", 5], ["rpush", "m", "1"],
    ["blmpop", 0, 1, "m", "right"], ["rpush", "t", "1", "2", "3"], ["ltrim", "t", 5, 10], ["rpush", "bm", "x"],
    ["blmove", "bm", "bm2", "left", "left", 0], ["brpoplpush", "bm2", "bm3", 0],
    servedLater(["blpop", "w", 0], ["rpush", "w", "a", "b"]), servedLater(["blmove", "w2", "w3", "right", "left", 0], ["lpush", "w2", "x"]),
  ],
  set: [
    ["sadd", "s", "a", "b", "c"], ["sadd", "s", "a"], ["srem", "s", "zz"], ["srem", "s", "a"], ["smove", "s", "s2", "b"],
    ["smove", "s", "s2", "zz"], ["sadd", "s", "b"], ["smove", "s", "s2", "b"], ["smove", "s", "s2", "c"], ["sadd", "s", "1", "2", "3"], ["spop", "s"], ["spop", "s", 10], ["sadd", "x", "1", "2"],
    ["sadd", "y", "2", "3"], ["sinterstore", "d", "x", "y"], ["sunionstore", "d", "x", "y"], ["sdiffstore", "d", "x", "y"],
    ["sinterstore", "d", "x", "nokey"], ["sinterstore", "d", "x", "nokey"], ["sadd", "p", "a"], ["spop", "p", 1],
  ],
  zset: [
    ["zadd", "z", 1, "a", 2, "b", 3, "c"], ["zadd", "z", 1, "a"], ["zadd", "z", "incr", 5, "a"], ["zincrby", "z", 1, "b"],
    ["zrem", "z", "nope"], ["zrem", "z", "a"], ["zadd", "z", 4, "d", 5, "e"], ["zremrangebyscore", "z", 0, 2],
    ["zremrangebyrank", "z", 0, 0], ["zremrangebylex", "z", "-", "+"], ["zadd", "x", 1, "a", 2, "b"],
    ["zadd", "y", 2, "b", 3, "c"], ["zunionstore", "d", 2, "x", "y"], ["zinterstore", "d", 2, "x", "y"],
    ["zdiffstore", "d", 2, "x", "y"], ["zinterstore", "d", 2, "x", "nokey"], ["zrangestore", "r", "x", 0, -1],
    ["zrangestore", "r", "x", 5, 10], ["zpopmin", "x"], ["zpopmax", "x"], ["zadd", "x", 1, "a"],
    ["zmpop", 1, "x", "min"], ["zadd", "x", 1, "a", 2, "b"], ["bzpopmin", "x", 0], ["bzpopmax", "x", 0],
    ["zadd", "x", 1, "a"], ["bzmpop", 0, 1, "x", "max", "count", 3], ["zadd", "x", "gt", 1, "q"],
    servedLater(["bzpopmin", "wz", 0], ["zadd", "wz", 1, "a"]),
  ],
  geo: [
    ["geoadd", "g", 13.361389, 38.115556, "Palermo", 15.087269, 37.502669, "Catania"],
    ["geoadd", "g", "nx", 13.361389, 38.115556, "Palermo"],
    ["geosearchstore", "gs", "g", "frommember", "Palermo", "byradius", 500, "km", "asc"],
    ["georadius", "g", 15, 37, 200, "km", "store", "gr"], ["georadiusbymember", "g", "Palermo", 1, "km", "storedist", "gd"],
    ["geosearchstore", "gs", "g", "fromlonlat", 0, 0, "byradius", 1, "km"],
  ],
  stream: [
    ["xadd", "x", "1-1", "f", "v"], ["xadd", "x", "maxlen", 1, "1-2", "f", "v"], ["xadd", "nox", "nomkstream", "*", "f", "v"],
    ["xtrim", "x", "maxlen", 0], ["xtrim", "x", "maxlen", 0], ["xadd", "x", "2-1", "f", "v"], ["xdel", "x", "2-1"],
    ["xdel", "x", "9-9"], ["xgroup", "create", "x", "g", "0"], ["xgroup", "create", "ns", "g", "$", "mkstream"],
    ["xgroup", "createconsumer", "x", "g", "c"], ["xgroup", "setid", "x", "g", "0"], ["xadd", "x", "3-1", "f", "v"],
    ["xreadgroup", "group", "g", "c2", "streams", "x", ">"], ["xclaim", "x", "g", "c3", 0, "3-1"],
    ["xautoclaim", "x", "g", "c4", 0, "0"], ["xack", "x", "g", "3-1"], ["xgroup", "delconsumer", "x", "g", "c"],
    ["xgroup", "destroy", "x", "g"],
  ],
  hyperloglog: [
    ["pfadd", "h", "a", "b"], ["pfadd", "h", "a"], ["pfadd", "h2"], ["pfadd", "h3", "c"], ["pfmerge", "hm", "h", "h3"],
    ["pfmerge", "hm"], ["pfcount", "h", "h3"],
  ],
  sort: [
    ["rpush", "l", "3", "1", "2"], ["sort", "l", "store", "d"], ["sort", "nol", "store", "d"], ["sort", "nol", "store", "d"],
    ["sadd", "s", "b", "a"], ["sort", "s", "alpha", "store", "d2"], ["sort_ro", "l"],
  ],
};
