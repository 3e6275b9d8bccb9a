import { grown } from '../paged-column.ts';

/**
 * What the goroutine tracker knows about each goroutine while it reads,
 * one typed-array column per field, indexed by a slot number given out in
 * order of appearance. A busy trace has hundreds of thousands of goroutines;
 * columns cost a few dozen bytes each and nothing for the garbage collector
 * to copy, where objects would cost several hundred. The model's goroutine
 * objects are made once, at the end.
 */
export class GoroutineTable {
  /** Slots in use. */
  count = 0;
  ids = new Float64Array(1024);
  createdNs = new Float64Array(1024);
  /** NaN while alive. */
  endedNs = new Float64Array(1024);
  /** NaN when unknown. */
  parentIds = new Float64Array(1024);
  transitions = new Int32Array(1024);
  /** When it last blocked; NaN before its first block. */
  lastBlockNs = new Float64Array(1024);
  /** A forward message waiting for its next start, -1 for none. */
  pendingMessage = new Int32Array(1024);
  /** Start-function names by number (0: none yet); see {@link name}. */
  nameIds = new Int32Array(1024);
  private readonly nameList: string[] = [''];
  private readonly nameNumbers = new Map<string, number>([['', 0]]);
  /** What it last blocked waiting for (a `Wait` of message inference); `Wait.Unknown` before its first block. */
  lastBlockWaits = new Uint8Array(1024);

  /** A new slot for goroutine `id`, created at `createdNs` by `parentId` (NaN for unknown). */
  add(id: number, createdNs: number, parentId: number): number {
    if (this.count === this.ids.length) this.grow();
    const slot = this.count++;
    this.ids[slot] = id;
    this.createdNs[slot] = createdNs;
    this.endedNs[slot] = Number.NaN;
    this.parentIds[slot] = parentId;
    this.transitions[slot] = 0;
    this.lastBlockNs[slot] = Number.NaN;
    this.pendingMessage[slot] = -1;
    this.nameIds[slot] = 0;
    this.lastBlockWaits[slot] = 0;
    return slot;
  }

  /** The start-function name of the goroutine in `slot`, '' when not known yet. */
  name(slot: number): string {
    return this.nameList[this.nameIds[slot] as number] as string;
  }

  setName(slot: number, name: string): void {
    let number = this.nameNumbers.get(name);
    if (number === undefined) {
      number = this.nameList.push(name) - 1;
      this.nameNumbers.set(name, number);
    }
    this.nameIds[slot] = number;
  }

  private grow(): void {
    // Half again as many: less room left unused at the end than doubling, for a few more copies.
    const size = Math.ceil(this.ids.length * 1.5);
    this.ids = grown(this.ids, size);
    this.createdNs = grown(this.createdNs, size);
    this.endedNs = grown(this.endedNs, size);
    this.parentIds = grown(this.parentIds, size);
    this.transitions = grown(this.transitions, size);
    this.lastBlockNs = grown(this.lastBlockNs, size);
    this.pendingMessage = grown(this.pendingMessage, size);
    this.nameIds = grown(this.nameIds, size);
    this.lastBlockWaits = grown(this.lastBlockWaits, size);
  }
}
