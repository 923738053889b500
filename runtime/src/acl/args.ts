// The command line an ACL check reads.

/** A command line in place: the parser's own fields, so the dispatcher passes its parser as is. */
export interface Args {
  buf: Uint8Array;
  argOffset: Int32Array;
  argLength: Int32Array;
  argc: number;
}
