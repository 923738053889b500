// Per-entry arrays split into fixed-size pages, so that growing allocates one page and never copies
// the entries already stored (a copy of millions of entries would stall the event loop): entry `id`
// lives in page `id >>> PAGE_SHIFT` at index `id & PAGE_MASK`. Only page 0 starts small, so an empty
// database costs little, and doubles up to PAGE_SIZE: a copy of at most one page.

export const PAGE_SHIFT = 16;
export const PAGE_SIZE = 1 << PAGE_SHIFT;
export const PAGE_MASK = PAGE_SIZE - 1;

type PageArray = Uint8Array | Uint16Array | Uint32Array | Float64Array;

const FIRST_CAPACITY = 32;

/** The capacity after one growth step from `capacity` (0 at first); every paged array follows this sequence. */
export function nextCapacity(capacity: number): number {
  if (capacity === 0) return FIRST_CAPACITY;
  return capacity < PAGE_SIZE ? capacity * 2 : capacity + PAGE_SIZE;
}

/** Make `pages` (`stride` elements per entry) hold `capacity` entries, one step after its current capacity. */
export function growPages<T extends PageArray>(pages: T[], capacity: number, stride: number, make: (length: number) => T): void {
  if (capacity > PAGE_SIZE) {
    pages.push(make(PAGE_SIZE * stride));
    return;
  }
  const first = make(capacity * stride);
  if (pages.length > 0) first.set(pages[0] as never);
  pages[0] = first;
}

export function pagesBytes(pages: readonly PageArray[]): number {
  let bytes = 0;
  for (const page of pages) bytes += page.byteLength;
  return bytes;
}
