// Which arguments of the pub/sub commands are channels, and which of those ACL checks: Redis's static
// commands_with_channels table (db.c). Unsubscribing is never denied; PSUBSCRIBE's patterns must appear
// literally among the user's channel patterns, other channels are glob-matched against them.
export interface ChannelArgs {
  first: number;
  /** -1: through the last argument. */
  last: number;
  pattern: boolean;
}

const CHECKED: Record<string, ChannelArgs> = {
  subscribe: { first: 1, last: -1, pattern: false },
  ssubscribe: { first: 1, last: -1, pattern: false },
  psubscribe: { first: 1, last: -1, pattern: true },
  publish: { first: 1, last: 1, pattern: false },
  spublish: { first: 1, last: 1, pattern: false },
};

export function checkedChannels(name: string): ChannelArgs | undefined {
  return CHECKED[name];
}
