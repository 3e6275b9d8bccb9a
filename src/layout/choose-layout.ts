/**
 * Picking a layout from the shape of the trace, and placing goroutines with
 * the chosen one.
 */

import type { Goroutine } from '../model.ts';
import type { FamilyTree } from './family-tree.ts';
import { placeGrid, placeSpiral } from './ordered-placements.ts';
import { placeTree } from './tree-placement.ts';
import type { PlacementOptions, PlanePoint } from './tree-placement.ts';

/** Layout names accepted by `--layout`, `auto` first. */
export const LAYOUT_NAMES = ['auto', 'circle', 'spiral', 'grid'] as const;

/** One of {@link LAYOUT_NAMES}. */
export type LayoutChoice = (typeof LAYOUT_NAMES)[number];

/** A concrete layout. */
export type LayoutName = Exclude<LayoutChoice, 'auto'>;

/** From this many shown goroutines on, `auto` uses the grid. */
export const GRID_MIN_GOROUTINES = 300;

/** The grid aims to be about this many units across, a little wider than the time axis is tall. */
export const GRID_TARGET_WIDTH_UNITS = 140;

/** Grid cells never shrink below this share of the minimum distance; lines thin down with them. */
export const GRID_MIN_SPACING_SHARE = 0.35;

/** `auto` considers the spiral only for at least this many goroutines… */
export const SPIRAL_MIN_GOROUTINES = 24;

/** …when at least this share of them lives shorter than {@link SHORT_LIFE_SHARE} of the trace. */
export const SPIRAL_SHORT_LIVED_SHARE = 0.6;

/** A goroutine is short-lived when it lives less than this share of the trace. */
export const SHORT_LIFE_SHARE = 0.15;

/**
 * The layout `auto` picks: `grid` for hundreds of goroutines and more,
 * `spiral` for a long stream of short-lived ones, else the `circle` of
 * children round their creator.
 */
export function chooseLayout(goroutines: readonly Goroutine[], durationNs: number): LayoutName {
  if (goroutines.length >= GRID_MIN_GOROUTINES) {
    return 'grid';
  }
  if (goroutines.length >= SPIRAL_MIN_GOROUTINES) {
    const shortLived = goroutines.filter(
      (goroutine) => goroutine.endedNs !== null && goroutine.endedNs - goroutine.createdNs < durationNs * SHORT_LIFE_SHARE,
    );
    if (shortLived.length >= goroutines.length * SPIRAL_SHORT_LIVED_SHARE) {
      return 'spiral';
    }
  }
  return 'circle';
}

/** Where goroutines stand, and how much to thin lines so they stay apart. */
export interface Placement {
  positions: Map<number, PlanePoint>;
  /** Factor for line, link and arrow widths: 1, or less for a dense grid. */
  widthScale: number;
}

/**
 * Positions of every goroutine of the tree in the XZ plane for a layout; the
 * centre goroutine stands at the origin. A grid of thousands packs its
 * cells closer than the minimum distance (about {@link GRID_TARGET_WIDTH_UNITS}
 * across) and thins the lines by the same factor, so the picture keeps its
 * proportions and lines still never touch.
 */
export function placeGoroutines(layout: LayoutName, goroutines: readonly Goroutine[], tree: FamilyTree, placement: PlacementOptions): Placement {
  const { minDistanceUnits } = placement;
  if (tree.root === null) {
    return { positions: new Map(), widthScale: 1 };
  }
  if (layout === 'circle') {
    return { positions: placeTree(tree.root, placement), widthScale: 1 };
  }
  const ids = [...goroutines].sort((a, b) => a.createdNs - b.createdNs || a.id - b.id).map((goroutine) => goroutine.id);
  if (layout === 'spiral') {
    return { positions: placeSpiral(ids, tree.centreId, minDistanceUnits), widthScale: 1 };
  }
  const spacing = Math.min(minDistanceUnits, Math.max(minDistanceUnits * GRID_MIN_SPACING_SHARE, GRID_TARGET_WIDTH_UNITS / Math.sqrt(ids.length)));
  return { positions: placeGrid(ids, tree.centreId, spacing), widthScale: spacing / minDistanceUnits };
}
