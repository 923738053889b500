// What a plugin's reply imports wrote, counted as RESP counts it: top-level replies, and for each open
// aggregate the elements still owed. A command must write exactly one complete reply; a second one, or
// an array shorter than announced, would otherwise be read by the client as the answer to its next
// command (issue 11). The host checks the count after the plugin returns and replaces a faulty reply.
// Counting costs a few integer operations per reply import and allocates nothing (ADR 0013).

/** Nesting depth the counter starts with; a deeper reply grows it once. */
const INITIAL_DEPTH = 16;

export class ReplyCount {
  /** Top-level replies begun since reset(). */
  private top = 0;
  private depth = 0;
  /** An aggregate announced with a negative size (`*-5`), which no client can parse. */
  private negative = false;
  /** Per open aggregate, innermost last: elements still owed (a Float64Array: maps owe 2 × i32 pairs). */
  private owed = new Float64Array(INITIAL_DEPTH);

  reset(): void {
    this.top = 0;
    this.depth = 0;
    this.negative = false;
  }

  /** Replies begun so far (a blocked command's rerun may write none). */
  get replies(): number {
    return this.top;
  }

  /** A scalar reply: a string, number, null, error… */
  item(): void {
    this.begin();
    this.closeFinished();
  }

  /** An aggregate header announcing `n` elements (maps are counted as 2 per pair). */
  open(n: number): void {
    this.begin();
    if (n <= 0) {
      if (n < 0) this.negative = true;
      this.closeFinished();
      return;
    }
    if (this.depth === this.owed.length) {
      const deeper = new Float64Array(this.depth * 2);
      deeper.set(this.owed);
      this.owed = deeper;
    }
    this.owed[this.depth++] = n;
  }

  /** What is wrong with the reply, worded to follow "plugin 'x' …", or null when it is exactly one complete reply. */
  fault(): string | null {
    if (this.top === 1 && this.depth === 0 && !this.negative) return null;
    if (this.top === 0) return "sent no reply";
    if (this.top > 1) return `sent ${this.top} replies`;
    if (this.negative) return "sent an aggregate of negative size";
    return "sent an incomplete reply";
  }

  /** The reply about to be written is an element of the innermost open aggregate, or a new top-level one. */
  private begin(): void {
    if (this.depth === 0) this.top++;
    else this.owed[this.depth - 1]--;
  }

  private closeFinished(): void {
    while (this.depth > 0 && this.owed[this.depth - 1] === 0) this.depth--;
  }
}
