// Where the parser records each argument's position: two typed arrays reused for every command.

const INITIAL_CAPACITY = 16;

/**
 * Where a command's arguments are read from: argument i is buf[argOffset[i], argOffset[i] + argLength[i]).
 * The parser is one (its reused buffer); a command queued by MULTI keeps its own copy.
 */
export interface CommandArgs {
  readonly buf: Buffer;
  readonly argOffset: Int32Array;
  readonly argLength: Int32Array;
  readonly argc: number;
}

export class ArgList {
  offset = new Int32Array(INITIAL_CAPACITY);
  length = new Int32Array(INITIAL_CAPACITY);
  count = 0;

  push(offset: number, length: number): void {
    if (this.count === this.offset.length) this.grow();
    this.offset[this.count] = offset;
    this.length[this.count] = length;
    this.count++;
  }

  /** The bytes under the recorded arguments moved `by` bytes towards the start of the buffer. */
  shift(by: number): void {
    for (let i = 0; i < this.count; i++) this.offset[i] -= by;
  }

  // Grown per argument actually received, never from the announced count, which a client can inflate.
  private grow(): void {
    const offset = new Int32Array(this.offset.length * 2);
    const length = new Int32Array(this.length.length * 2);
    offset.set(this.offset);
    length.set(this.length);
    this.offset = offset;
    this.length = length;
  }
}
