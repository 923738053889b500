// SCANDUMP's chunk size, as RedisBloom's MAX_SCANDUMP_SIZE: 16 MiB.
export const MAX_CHUNK: usize = 16 << 20;
