// Where each demoted value is: a record id (what a demoted key's entry holds instead of the owner's
// handle) -> segment, offset, length and the encoding version its owner saved it with. Four u32 per
// record in paged typed arrays (pages.ts), freed ids recycled through a free list: no JS object per value.
import { growPages, nextCapacity, PAGE_MASK, PAGE_SHIFT, pagesBytes } from "../keyspace/pages.js";

const SEG = 0; // for a free record: the next free id
const OFF = 1;
const LEN = 2;
const ENCVER = 3;
const STRIDE = 4;
const NONE = 0xffffffff;

export class Records {
  private pages: Uint32Array[] = [];
  private capacity = 0;
  private highWater = 0;
  private freeHead = NONE;

  add(seg: number, off: number, len: number, encver: number): number {
    let id: number;
    if (this.freeHead !== NONE) {
      id = this.freeHead;
      this.freeHead = this.field(id, SEG);
    } else {
      if (this.highWater === this.capacity) {
        this.capacity = nextCapacity(this.capacity);
        growPages(this.pages, this.capacity, STRIDE, (n) => new Uint32Array(n));
      }
      id = this.highWater++;
    }
    this.move(id, seg, off);
    const page = this.pages[id >>> PAGE_SHIFT]!;
    const at = (id & PAGE_MASK) * STRIDE;
    page[at + LEN] = len;
    page[at + ENCVER] = encver;
    return id;
  }

  free(id: number): void {
    this.move(id, this.freeHead, NONE); // NONE: no segment offset, so isAt never mistakes it for a live record
    this.freeHead = id;
  }

  /** Compaction moved the record's bytes. */
  move(id: number, seg: number, off: number): void {
    const page = this.pages[id >>> PAGE_SHIFT]!;
    const at = (id & PAGE_MASK) * STRIDE;
    page[at + SEG] = seg;
    page[at + OFF] = off;
  }

  seg(id: number): number {
    return this.field(id, SEG);
  }

  off(id: number): number {
    return this.field(id, OFF);
  }

  len(id: number): number {
    return this.field(id, LEN);
  }

  encver(id: number): number {
    return this.field(id, ENCVER);
  }

  /** Whether live record `id` is the one whose bytes start at `off` in segment `seg` (compaction's liveness test). */
  isAt(id: number, seg: number, off: number): boolean {
    return id < this.highWater && this.field(id, SEG) === seg && this.field(id, OFF) === off;
  }

  memoryBytes(): number {
    return pagesBytes(this.pages);
  }

  private field(id: number, f: number): number {
    return this.pages[id >>> PAGE_SHIFT]![(id & PAGE_MASK) * STRIDE + f]!;
  }
}
