// A client's CLIENT REPLY mode (Redis's CLIENT_REPLY_OFF, CLIENT_REPLY_SKIP_NEXT and CLIENT_REPLY_SKIP
// flags): set by CLIENT REPLY and RESET in commands/, applied after each command by server/client-reply.ts.
export const REPLY_ON = 0;
export const REPLY_OFF = 1;
/** CLIENT REPLY SKIP was the command just run: the next command's reply is the one skipped. */
export const REPLY_SKIP_NEXT = 2;
export const REPLY_SKIP = 3;
