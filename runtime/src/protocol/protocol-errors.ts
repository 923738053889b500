// Errors the request parser raises. Both end the connection; only a ProtocolError is reported first.

/**
 * A malformed request. `message` is Redis's exact text after "ERR ", e.g.
 * "Protocol error: invalid bulk length": reply "-ERR " + message, then close (CLIENT_CLOSE_AFTER_REPLY).
 */
export class ProtocolError extends Error {
  override name = "ProtocolError";
}

/** The unparsed input outgrew client-query-buffer-limit: Redis closes such a client without a reply. */
export class QueryBufferLimitError extends Error {
  override name = "QueryBufferLimitError";
  constructor(readonly bufferedBytes: number, readonly limit: number) {
    super(`query buffer of ${bufferedBytes} bytes exceeds client-query-buffer-limit ${limit}`);
  }
}
