/**
 * Layouts that ignore the family tree and follow creation order: a spiral
 * (a long stream of short-lived goroutines winds outwards, the leak picture)
 * and a square grid (thousands of goroutines, filled ring by ring from the
 * centre). Both keep every pair of lines at least the minimum distance apart.
 */

import type { PlanePoint } from './tree-placement.ts';

/** The spiral's first turn starts this many minimum distances from the centre. */
const SPIRAL_START_STEPS = 3;

/** Radial gap between two turns of the spiral, in minimum distances. */
const SPIRAL_TURN_GAP_STEPS = 1.5;

/** Distance along the spiral between neighbours, in minimum distances (arcs are a little longer than chords). */
const SPIRAL_ARC_STEPS = 1.1;

/**
 * Places `ids` (in creation order) on an Archimedean spiral around the
 * origin; `centreId`, when given, stands at the origin itself.
 */
export function placeSpiral(ids: readonly number[], centreId: number | null, minDistanceUnits: number): Map<number, PlanePoint> {
  const positions = new Map<number, PlanePoint>();
  const growthPerRad = (SPIRAL_TURN_GAP_STEPS * minDistanceUnits) / (2 * Math.PI);
  let angle = 0;
  for (const id of ids) {
    if (id === centreId) {
      positions.set(id, { x: 0, z: 0 });
      continue;
    }
    const radius = SPIRAL_START_STEPS * minDistanceUnits + growthPerRad * angle;
    positions.set(id, { x: radius * Math.cos(angle), z: radius * Math.sin(angle) });
    // Step along the curve: arc length ≈ sqrt(r² + b²) dθ.
    angle += (SPIRAL_ARC_STEPS * minDistanceUnits) / Math.hypot(radius, growthPerRad);
  }
  return positions;
}

/**
 * Places `ids` (in creation order) on a square grid `spacingUnits` apart,
 * walking square rings outwards from the origin, so early goroutines stand
 * in the middle. `centreId`, when given, takes the origin.
 */
export function placeGrid(ids: readonly number[], centreId: number | null, spacingUnits: number): Map<number, PlanePoint> {
  const ordered = centreId !== null && ids.includes(centreId) ? [centreId, ...ids.filter((id) => id !== centreId)] : [...ids];
  const positions = new Map<number, PlanePoint>();
  let index = 0;
  for (let ring = 0; index < ordered.length; ring++) {
    for (const [column, row] of ringCells(ring)) {
      const id = ordered[index++];
      if (id === undefined) {
        break;
      }
      positions.set(id, { x: column * spacingUnits, z: row * spacingUnits });
    }
  }
  return positions;
}

/** The cells of square ring `ring` around (0, 0), walked once round; ring 0 is the centre cell. */
function ringCells(ring: number): Array<[number, number]> {
  if (ring === 0) {
    return [[0, 0]];
  }
  const cells: Array<[number, number]> = [];
  for (let step = -ring + 1; step <= ring; step++) cells.push([ring, step]);
  for (let step = ring - 1; step >= -ring; step--) cells.push([step, ring]);
  for (let step = ring - 1; step >= -ring; step--) cells.push([-ring, step]);
  for (let step = -ring + 1; step <= ring; step++) cells.push([step, -ring]);
  return cells;
}
