/**
 * Puts frames that arrive from several pages back into clip order before
 * they reach the encoder. A frame that arrives early waits (and so does the
 * page that sent it) until every frame before it has been written.
 */

/** Passes frames to `write` strictly in index order, starting at 0. */
export class FrameOrderer {
  readonly #write: (rgba: Buffer) => Promise<void>;
  readonly #waiting = new Map<number, { resolve: () => void; reject: (error: unknown) => void }>();
  #next = 0;
  #failure: unknown = undefined;

  constructor(write: (rgba: Buffer) => Promise<void>) {
    this.#write = write;
  }

  /** Frames written so far. */
  get written(): number {
    return this.#next;
  }

  /** Accepts frame `index`; resolves once it has been written in its turn. */
  async accept(index: number, rgba: Buffer): Promise<void> {
    if (this.#failure !== undefined) throw this.#failure;
    if (index < this.#next || this.#waiting.has(index)) throw new Error(`frame ${index} arrived twice`);
    while (index !== this.#next) {
      if (this.#failure !== undefined) throw this.#failure;
      await new Promise<void>((resolve, reject) => this.#waiting.set(index, { resolve, reject }));
    }
    await this.#write(rgba);
    this.#next++;
    const nextWaiter = this.#waiting.get(this.#next);
    this.#waiting.delete(this.#next);
    nextWaiter?.resolve();
  }

  /** Stops every waiting frame with `error` (another page failed). */
  fail(error: unknown): void {
    this.#failure = error;
    for (const waiter of this.#waiting.values()) waiter.reject(error);
    this.#waiting.clear();
  }
}
