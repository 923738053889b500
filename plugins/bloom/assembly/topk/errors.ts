// RedisBloom's Top-K texts shared by several commands.
export const ERR_TOPK_NOT_FOUND = "TopK: key does not exist";
