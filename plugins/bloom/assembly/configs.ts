// Indexes of plugin.json's configs (Redis 8's RedisBloom config names), read with configValue(i), or
// configFloat(i) for a float.
export const BF_INITIAL_SIZE: i32 = 0;
export const BF_EXPANSION_FACTOR: i32 = 1;
export const CF_INITIAL_SIZE: i32 = 2;
export const CF_BUCKET_SIZE: i32 = 3;
export const CF_MAX_ITERATIONS: i32 = 4;
export const CF_EXPANSION_FACTOR: i32 = 5;
export const CF_MAX_EXPANSIONS: i32 = 6;
export const BF_ERROR_RATE: i32 = 7;
