// Error texts of the keyspace commands that the SDK's shared list does not carry, byte for byte as Redis.

export const ERR_SAME_OBJECT = "ERR source and destination objects are the same";
export const ERR_DB_RANGE = "ERR DB index is out of range";
export const ERR_BAD_PAYLOAD = "ERR DUMP payload version or checksum are wrong";
export const ERR_BUSYKEY = "BUSYKEY Target key name already exists.";
