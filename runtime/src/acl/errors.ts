// Why an ACL rule was refused, worded as Redis's ACLSetUserStringError words it.
const REASONS = {
  syntax: "Syntax error",
  unknownCommand: "Unknown command or category name in ACL",
  keyAfterAll:
    "Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have any effect. Try 'resetkeys' to start with an empty list of patterns",
  channelAfterAll:
    "Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not have any effect. Try 'resetchannels' to start with an empty list of channels",
  noSuchPassword: "The password you are trying to remove from the user does not exist",
  badHash: "The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters",
  firstArgOfSubcommand: "Allowing first-arg of a subcommand is not supported",
} as const;

export class AclRuleError extends Error {
  constructor(reason: keyof typeof REASONS) {
    super(REASONS[reason]);
  }
}
