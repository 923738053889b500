// RedisBloom's error texts shared by several commands or types (a command's own stay in its file).
export const ERR_NOT_FOUND = "ERR not found";
export const ERR_ITEM_EXISTS = "ERR item exists";
export const ERR_BAD_DATA = "ERR received bad data";
