// A representative write of every built-in plugin's commands, each changing key `k`: WATCH k must see
// every one of them, whichever plugin runs it and whether it replaces the value or changes it in place.
import type { Redis } from "ioredis";

export interface WriteCase {
  name: string;
  /** Run before WATCH. */
  setup: string[][];
  /** Run by another client after WATCH k: a command, or steps that need a reply first. */
  write: string[] | ((c: Redis) => Promise<unknown>);
  /**
   * Redis 7 changes the value without signalling it (consumer-group state); Ferrite counts every write
   * to a value as one, so WATCH fails there and not in Redis (ADR 0005).
   */
  redisKeepsWatch?: true;
}

const c = (name: string, setup: string[][], write: WriteCase["write"]): WriteCase => ({ name, setup, write });
const unsignalledInRedis = (w: WriteCase): WriteCase => ({ ...w, redisKeepsWatch: true });
const s = (line: string) => line.split(" ");
const lines = (...l: string[]) => l.map(s);

export const writeCases: WriteCase[] = [
  // strings
  c("SET (creating)", [], s("SET k v")),
  c("SET (replacing)", lines("SET k a"), s("SET k b")),
  c("APPEND", lines("SET k a"), s("APPEND k b")),
  c("SETRANGE", lines("SET k hello"), s("SETRANGE k 0 J")),
  c("INCR", lines("SET k 1"), s("INCR k")),
  c("DECRBY", lines("SET k 5"), s("DECRBY k 2")),
  c("INCRBYFLOAT", lines("SET k 1"), s("INCRBYFLOAT k 0.5")),
  c("SETBIT", lines("SET k a"), s("SETBIT k 0 1")),
  c("BITFIELD SET", lines("SET k a"), s("BITFIELD k SET u8 0 255")),
  c("BITOP (destination)", lines("SET src x", "SET k y"), s("BITOP OR k src")),
  c("GETDEL", lines("SET k v"), s("GETDEL k")),
  c("GETEX PX", lines("SET k v"), s("GETEX k PX 100000")),
  c("GETSET", lines("SET k a"), s("GETSET k b")),
  c("MSET", [], s("MSET x 1 k 2")),
  c("MSETNX", [], s("MSETNX x 1 k 2")),
  c("SETNX", [], s("SETNX k v")),
  c("SETEX", lines("SET k a"), s("SETEX k 100 b")),
  c("PSETEX", [], s("PSETEX k 100000 v")),
  // hashes
  c("HSET (new field)", lines("HSET k a 1"), s("HSET k b 2")),
  c("HSET (existing field)", lines("HSET k a 1"), s("HSET k a 2")),
  c("HMSET", lines("HSET k a 1"), s("HMSET k b 2")),
  c("HSETNX", lines("HSET k a 1"), s("HSETNX k b 2")),
  c("HDEL", lines("HSET k a 1 b 2"), s("HDEL k a")),
  c("HINCRBY", lines("HSET k n 1"), s("HINCRBY k n 1")),
  c("HINCRBYFLOAT", lines("HSET k n 1"), s("HINCRBYFLOAT k n 1.5")),
  // lists
  c("LPUSH", lines("RPUSH k a"), s("LPUSH k x")),
  c("RPUSH", lines("RPUSH k a"), s("RPUSH k x")),
  c("LPUSHX", lines("RPUSH k a"), s("LPUSHX k x")),
  c("RPUSHX", lines("RPUSH k a"), s("RPUSHX k x")),
  c("LPOP", lines("RPUSH k a b"), s("LPOP k")),
  c("RPOP", lines("RPUSH k a b"), s("RPOP k")),
  c("LSET", lines("RPUSH k a"), s("LSET k 0 z")),
  c("LINSERT", lines("RPUSH k a"), s("LINSERT k BEFORE a z")),
  c("LREM", lines("RPUSH k a b"), s("LREM k 0 a")),
  c("LTRIM", lines("RPUSH k a b"), s("LTRIM k 1 -1")),
  c("LMOVE (source)", lines("RPUSH k a b"), s("LMOVE k other LEFT RIGHT")),
  c("LMOVE (destination)", lines("RPUSH k a", "RPUSH other x"), s("LMOVE other k LEFT RIGHT")),
  c("RPOPLPUSH (source)", lines("RPUSH k a b"), s("RPOPLPUSH k other")),
  c("LMPOP", lines("RPUSH k a b"), s("LMPOP 1 k LEFT")),
  c("BLPOP (served at once)", lines("RPUSH k a b"), s("BLPOP k 0")),
  c("BLMOVE (destination)", lines("RPUSH k a", "RPUSH other x"), s("BLMOVE other k LEFT LEFT 0")),
  // sets
  c("SADD", lines("SADD k a"), s("SADD k b")),
  c("SREM", lines("SADD k a b"), s("SREM k a")),
  c("SPOP", lines("SADD k a b"), s("SPOP k")),
  c("SMOVE (source)", lines("SADD k a b"), s("SMOVE k other a")),
  c("SMOVE (destination)", lines("SADD k a", "SADD other x"), s("SMOVE other k x")),
  c("SINTERSTORE", lines("SADD k a", "SADD s1 x y", "SADD s2 y"), s("SINTERSTORE k s1 s2")),
  c("SUNIONSTORE", lines("SADD k a", "SADD s1 x"), s("SUNIONSTORE k s1")),
  c("SDIFFSTORE", lines("SADD k a", "SADD s1 x"), s("SDIFFSTORE k s1")),
  // sorted sets
  c("ZADD (new member)", lines("ZADD k 1 a"), s("ZADD k 2 b")),
  c("ZADD (new score)", lines("ZADD k 1 a"), s("ZADD k 5 a")),
  c("ZINCRBY", lines("ZADD k 1 a"), s("ZINCRBY k 1 a")),
  c("ZREM", lines("ZADD k 1 a 2 b"), s("ZREM k a")),
  c("ZPOPMIN", lines("ZADD k 1 a 2 b"), s("ZPOPMIN k")),
  c("ZPOPMAX", lines("ZADD k 1 a 2 b"), s("ZPOPMAX k")),
  c("ZREMRANGEBYSCORE", lines("ZADD k 1 a 2 b"), s("ZREMRANGEBYSCORE k 0 1")),
  c("ZREMRANGEBYRANK", lines("ZADD k 1 a 2 b"), s("ZREMRANGEBYRANK k 0 0")),
  c("ZREMRANGEBYLEX", lines("ZADD k 0 a 0 b"), s("ZREMRANGEBYLEX k [a [a")),
  c("ZUNIONSTORE", lines("ZADD k 1 a", "ZADD z1 1 x"), s("ZUNIONSTORE k 1 z1")),
  c("ZINTERSTORE", lines("ZADD k 1 a", "ZADD z1 1 x"), s("ZINTERSTORE k 1 z1")),
  c("ZDIFFSTORE", lines("ZADD k 1 a", "ZADD z1 1 x"), s("ZDIFFSTORE k 1 z1")),
  c("ZRANGESTORE", lines("ZADD k 1 a", "ZADD z1 1 x"), s("ZRANGESTORE k z1 0 -1")),
  c("ZMPOP", lines("ZADD k 1 a 2 b"), s("ZMPOP 1 k MIN")),
  c("BZPOPMIN (served at once)", lines("ZADD k 1 a 2 b"), s("BZPOPMIN k 0")),
  c("BZMPOP (served at once)", lines("ZADD k 1 a 2 b"), s("BZMPOP 0 1 k MAX")),
  c("GEOADD", lines("GEOADD k 13.361389 38.115556 Palermo"), s("GEOADD k 15.087269 37.502669 Catania")),
  c("GEOSEARCHSTORE", lines("GEOADD src 15.087269 37.502669 Catania"), s("GEOSEARCHSTORE k src FROMLONLAT 15 37 BYRADIUS 200 km")),
  c("GEORADIUS STORE", lines("GEOADD src 15.087269 37.502669 Catania"), s("GEORADIUS src 15 37 200 km STORE k")),
  // HyperLogLog
  c("PFADD", lines("PFADD k a"), s("PFADD k b")),
  c("PFMERGE (destination)", lines("PFADD k a", "PFADD src x"), s("PFMERGE k src")),
  c("PFCOUNT (refreshing its cached cardinality)", lines("PFADD k a b c"), s("PFCOUNT k")),
  // streams
  c("XADD", lines("XADD k 1-0 f v"), s("XADD k 2-0 f v")),
  c("XDEL", lines("XADD k 1-0 f v", "XADD k 2-0 f v"), s("XDEL k 1-0")),
  c("XTRIM", lines("XADD k 1-0 f v", "XADD k 2-0 f v"), s("XTRIM k MAXLEN 1")),
  ...[
    c("XGROUP CREATE", lines("XADD k 1-0 f v"), s("XGROUP CREATE k g 0")),
    c("XGROUP SETID", lines("XADD k 1-0 f v", "XGROUP CREATE k g 0"), s("XGROUP SETID k g $")),
    c("XGROUP CREATECONSUMER", lines("XADD k 1-0 f v", "XGROUP CREATE k g 0"), s("XGROUP CREATECONSUMER k g c")),
    c("XGROUP DELCONSUMER", lines("XADD k 1-0 f v", "XGROUP CREATE k g 0", "XGROUP CREATECONSUMER k g c"), s("XGROUP DELCONSUMER k g c")),
    c("XGROUP DESTROY", lines("XADD k 1-0 f v", "XGROUP CREATE k g 0"), s("XGROUP DESTROY k g")),
    c("XREADGROUP (new entries)", lines("XADD k 1-0 f v", "XGROUP CREATE k g 0"), s("XREADGROUP GROUP g c STREAMS k >")),
    c("XACK", lines("XADD k 1-0 f v", "XGROUP CREATE k g 0", "XREADGROUP GROUP g c STREAMS k >"), s("XACK k g 1-0")),
    c("XCLAIM", lines("XADD k 1-0 f v", "XGROUP CREATE k g 0", "XREADGROUP GROUP g c STREAMS k >"), s("XCLAIM k g c2 0 1-0")),
    c("XAUTOCLAIM", lines("XADD k 1-0 f v", "XGROUP CREATE k g 0", "XREADGROUP GROUP g c STREAMS k >"), s("XAUTOCLAIM k g c2 0 0")),
  ].map(unsignalledInRedis),
  // generic key commands
  c("DEL", lines("SET k v"), s("DEL k")),
  c("UNLINK", lines("SET k v"), s("UNLINK k")),
  c("EXPIRE", lines("SET k v"), s("EXPIRE k 100")),
  c("PEXPIREAT", lines("SET k v"), s("PEXPIREAT k 99999999999999")),
  c("EXPIRE in the past (deletes)", lines("SET k v"), s("EXPIRE k -1")),
  c("PERSIST", lines("SET k v EX 100"), s("PERSIST k")),
  c("RENAME (source)", lines("SET k v"), s("RENAME k other")),
  c("RENAME (destination)", lines("SET k a", "SET other b"), s("RENAME other k")),
  c("RENAMENX (destination)", lines("SET other b"), s("RENAMENX other k")),
  c("COPY (destination)", lines("SET k a", "SET other b"), s("COPY other k REPLACE")),
  c("MOVE (source)", lines("SET k v"), s("MOVE k 1")),
  c("MOVE (destination)", [], async (r) => {
    await r.select(1);
    await r.set("k", "from 1");
    const moved = await r.move("k", 0);
    await r.select(0);
    return moved;
  }),
  c("RESTORE REPLACE", lines("SET k a", "SET other b"), async (r) => r.restore("k", 0, (await r.dumpBuffer("other"))!, "REPLACE")),
  c("SORT STORE", lines("SET k a", "RPUSH src 3 1 2"), s("SORT src STORE k")),
];
