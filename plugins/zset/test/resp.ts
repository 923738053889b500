// Expected raw reply text for the shapes ioredis hides: [member, score] pairs with a double (`,1.5`)
// in RESP3, flat bulk strings in RESP2.

/** RESP3 text of a [member, score] pair, and RESP2 text of the same as two bulk strings. */
export const pair3 = (m: string, score: string) => `*2\r\n$${m.length}\r\n${m}\r\n,${score}\r\n`;
export const flat2 = (m: string, score: string) => `$${m.length}\r\n${m}\r\n$${score.length}\r\n${score}\r\n`;
