// RedisBloom's t-digest texts shared by several commands.
export const ERR_TD_NOT_FOUND = "ERR T-Digest: key does not exist";
export const ERR_TD_OVERFLOW = "ERR T-Digest: overflow detected";
