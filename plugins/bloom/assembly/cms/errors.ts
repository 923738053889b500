// RedisBloom's count-min sketch texts shared by several commands.
export const ERR_CMS_NOT_FOUND = "CMS: key does not exist";
export const ERR_CMS_EXISTS = "CMS: key already exists";
export const ERR_CMS_INIT = "CMS: invalid init arguments";
