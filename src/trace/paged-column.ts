/** Values per page; pages are allocated whole and never moved. */
const PAGE_SHIFT = 15;
const PAGE_SIZE = 1 << PAGE_SHIFT;
const PAGE_MASK = PAGE_SIZE - 1;

type NumberArray = Float64Array | Int32Array | Uint32Array | Uint8Array;

/**
 * A growable column of numbers kept in fixed-size typed-array pages. Unlike
 * a doubling array it never copies what it holds, so a column of millions
 * grows without a moment at twice its size.
 *
 * @example
 * const sendNs = new PagedColumn((n) => new Float64Array(n)); sendNs.push(12); sendNs.get(0) // → 12
 */
export class PagedColumn<A extends NumberArray> {
  length = 0;
  private readonly pages: A[] = [];
  private readonly newPage: (size: number) => A;

  constructor(newPage: (size: number) => A) {
    this.newPage = newPage;
  }

  get(index: number): number {
    return (this.pages[index >>> PAGE_SHIFT] as A)[index & PAGE_MASK] as number;
  }

  set(index: number, value: number): void {
    (this.pages[index >>> PAGE_SHIFT] as A)[index & PAGE_MASK] = value;
  }

  /** Appends `value` and returns its index. */
  push(value: number): number {
    const index = this.length++;
    if ((index & PAGE_MASK) === 0) this.pages.push(this.newPage(PAGE_SIZE));
    this.set(index, value);
    return index;
  }
}

/** `old`'s values at the start of a new array of the same type, `size` long: for columns that grow by doubling. */
export function grown<A extends Float64Array | Int32Array | Uint8Array>(old: A, size: number): A {
  const bigger = new (old.constructor as new (length: number) => A)(size);
  bigger.set(old);
  return bigger;
}
