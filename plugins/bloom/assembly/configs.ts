// Indexes of plugin.json's configs (Redis 8's RedisBloom config names), read with configValue(i).
export const BF_INITIAL_SIZE: i32 = 0;
export const BF_EXPANSION_FACTOR: i32 = 1;
