/**
 * Draw ranges by time. Shapes are added to a merged mesh in the order they
 * appear (highest scene y first, as time runs down), and each frame draws
 * only the index range of those already due, so early frames skip the
 * rest of the geometry outright instead of hiding it vertex by vertex.
 */

import type { BufferGeometry } from 'three';

/** Where each shape of one mesh starts to be drawn, in the order the shapes were added. */
export class RevealRange {
  readonly #revealYs: number[] = [];
  readonly #indexEnds: number[] = [];

  /**
   * Records that the shapes added so far end at `indexEnd` and that the last
   * one appears at `revealY`. Calls must come in falling `revealY` order.
   */
  mark(revealY: number, indexEnd: number): void {
    this.#revealYs.push(revealY);
    this.#indexEnds.push(indexEnd);
  }

  /** Number of indices of the shapes that appear at or above `nowY`. */
  indexCountAt(nowY: number): number {
    // Binary search for the first shape that appears below now.
    let low = 0;
    let high = this.#revealYs.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.#revealYs[middle] ?? 0) >= nowY) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low === 0 ? 0 : (this.#indexEnds[low - 1] ?? 0);
  }

  /** Limits the geometry's draw range to what is due at `nowY`. */
  apply(geometry: BufferGeometry, nowY: number): void {
    geometry.setDrawRange(0, this.indexCountAt(nowY));
  }
}

/** A merged mesh's geometry with its reveal order. */
export interface RevealedGeometry {
  geometry: BufferGeometry;
  reveal: RevealRange;
}
