import { IdMap } from './id-map.ts';

/**
 * Status and sequence counter per id (goroutine or P), as the ordering
 * tracks them: three id-indexed maps of small numbers rather than an object
 * per id, so the hundreds of thousands of goroutines of a busy trace leave
 * nothing for the garbage collector to copy.
 */
export class SeqTable {
  private readonly statuses = new IdMap<number>();
  /** Generation the counter belongs to; counters restart every generation. */
  private readonly seqGens = new IdMap<number>();
  private readonly seqs = new IdMap<number>();

  /** The status of `id`, or `undefined` when unknown. */
  status(id: number): number | undefined {
    return this.statuses.get(id);
  }

  /** True when `seq` is the number after `id`'s counter and the counter belongs to generation `gen`. */
  follows(id: number, gen: number, seq: number): boolean {
    return this.seqGens.get(id) === gen && seq === (this.seqs.get(id) as number) + 1;
  }

  /** Sets the status, and the counter when `seq` is given (then of generation `gen`); a new id's counter starts at 0. */
  set(id: number, status: number, gen: number, seq: number | undefined): void {
    if (this.statuses.get(id) === undefined) {
      this.seqGens.set(id, gen);
      this.seqs.set(id, 0);
    }
    this.statuses.set(id, status);
    if (seq !== undefined) {
      this.seqGens.set(id, gen);
      this.seqs.set(id, seq);
    }
  }

  delete(id: number): void {
    this.statuses.delete(id);
    this.seqGens.delete(id);
    this.seqs.delete(id);
  }
}
