// Redis's standard error texts, byte for byte, so clients that match on them keep working.
// Use with replyError(ERR_SYNTAX); a plugin-specific text is just another string literal.

export const ERR_WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
export const ERR_SYNTAX = "ERR syntax error";
export const ERR_NOT_INTEGER = "ERR value is not an integer or out of range";
export const ERR_NOT_FLOAT = "ERR value is not a valid float";
export const ERR_OVERFLOW = "ERR increment or decrement would overflow";
export const ERR_NAN_OR_INF = "ERR increment would produce NaN or Infinity";
export const ERR_OUT_OF_RANGE = "ERR index out of range";
export const ERR_NO_SUCH_KEY = "ERR no such key";
export const ERR_STRING_TOO_LONG = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";
export const ERR_NOT_POSITIVE = "ERR value is out of range, must be positive";
export const ERR_OOM = "OOM command not allowed when used memory > 'maxmemory'.";
