/**
 * A uniform grid over the XZ plane that answers "is anything already placed
 * closer than the minimum distance to this point?" in constant time.
 */

/** Largest cell index on either axis; keys stay unique within ±this many cells. */
const MAX_CELL = 50_000;

/** Placed points bucketed by cell, one cell per minimum distance. */
export class PointGrid {
  readonly #cellSize: number;
  readonly #minDistanceSquared: number;
  readonly #cells = new Map<number, number[]>();

  /** `minDistance` is both the cell size and the clearance {@link isClear} checks. */
  constructor(minDistance: number) {
    this.#cellSize = minDistance;
    this.#minDistanceSquared = minDistance * minDistance;
  }

  /** Records a placed point. */
  add(x: number, z: number): void {
    const key = this.#key(this.#cell(x), this.#cell(z));
    const bucket = this.#cells.get(key);
    if (bucket === undefined) {
      this.#cells.set(key, [x, z]);
    } else {
      bucket.push(x, z);
    }
  }

  /** True when every recorded point is at least the minimum distance away. */
  isClear(x: number, z: number): boolean {
    const cellX = this.#cell(x);
    const cellZ = this.#cell(z);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dz = -1; dz <= 1; dz++) {
        const bucket = this.#cells.get(this.#key(cellX + dx, cellZ + dz));
        if (bucket === undefined) {
          continue;
        }
        for (let i = 0; i < bucket.length; i += 2) {
          const ox = (bucket[i] ?? 0) - x;
          const oz = (bucket[i + 1] ?? 0) - z;
          if (ox * ox + oz * oz < this.#minDistanceSquared) {
            return false;
          }
        }
      }
    }
    return true;
  }

  #cell(value: number): number {
    return Math.max(-MAX_CELL, Math.min(MAX_CELL, Math.floor(value / this.#cellSize)));
  }

  #key(cellX: number, cellZ: number): number {
    return (cellX + MAX_CELL) * (2 * MAX_CELL + 3) + (cellZ + MAX_CELL);
  }
}
