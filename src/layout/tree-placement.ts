/**
 * Places goroutines in the horizontal (XZ) plane: the root at the origin,
 * every child on a circle around its parent, the circle shrinking with depth.
 *
 * No two goroutines end up closer than `minDistanceUnits`. Subtrees are laid
 * out bottom-up, each in its own frame with its children fanning out along
 * +X (away from its own parent). A parent then tries to set its children's
 * subtrees evenly round one circle, widening the circle a step at a time;
 * when even spacing would need too wide a circle, each child in turn takes
 * the free spot nearest its preferred angle on the smallest circle that has
 * room. Every candidate spot is checked point by point against what is
 * already placed.
 */

import { PointGrid } from './point-grid.ts';

/** One goroutine in the family tree; `children` are in placement order. */
export interface TreeNode {
  id: number;
  children: TreeNode[];
}

/** Sizes that shape the layout, in scene units. */
export interface PlacementOptions {
  /** Circle radius for the root's children; depth d uses `baseRadiusUnits / 2^(d-1)`. */
  baseRadiusUnits: number;
  /** Smallest distance allowed between any two goroutine lines. */
  minDistanceUnits: number;
}

/** A goroutine's position in the XZ plane. */
export interface PlanePoint {
  x: number;
  z: number;
}

/** Defaults tuned for a time axis 100 units tall. */
export const DEFAULT_PLACEMENT: PlacementOptions = {
  baseRadiusUnits: 70,
  minDistanceUnits: 4,
};

/** Even spacing is given up once its circle would be this many times the nominal radius. */
const EVEN_SPREAD_MAX_FACTOR = 1.5;

interface LocalPoint {
  id: number;
  x: number;
  z: number;
}

/** Places the whole tree; the root lands at x = z = 0. */
export function placeTree(root: TreeNode, options: PlacementOptions = DEFAULT_PLACEMENT): Map<number, PlanePoint> {
  // Parents come before children in this list, so walking it backwards lays out every subtree before its parent.
  const order: Array<{ node: TreeNode; depth: number }> = [];
  const pending = [{ node: root, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    order.push(next);
    for (const child of next.node.children) {
      pending.push({ node: child, depth: next.depth + 1 });
    }
  }

  const layouts = new Map<TreeNode, LocalPoint[]>();
  for (let index = order.length - 1; index >= 0; index--) {
    const entry = order[index];
    if (entry === undefined) {
      continue;
    }
    const subtrees = entry.node.children.map((child) => layouts.get(child) ?? []);
    layouts.set(entry.node, layoutSubtree(entry.node.id, subtrees, entry.depth, options));
    for (const child of entry.node.children) {
      layouts.delete(child);
    }
  }

  const positions = new Map<number, PlanePoint>();
  for (const point of layouts.get(root) ?? []) {
    positions.set(point.id, { x: point.x, z: point.z });
  }
  return positions;
}

/** Lays out one goroutine with its children's finished subtrees, in its own frame. */
function layoutSubtree(id: number, subtrees: LocalPoint[][], depth: number, options: PlacementOptions): LocalPoint[] {
  const own: LocalPoint = { id, x: 0, z: 0 };
  if (subtrees.length === 0) {
    return [own];
  }
  const radius = nominalRadius(depth + 1, options);
  const placed = spreadEvenly(subtrees, radius, options) ?? packGreedily(subtrees, radius, options);
  placed.unshift(own);
  return placed;
}

function nominalRadius(depth: number, options: PlacementOptions): number {
  const shrunk = options.baseRadiusUnits / 2 ** Math.max(0, depth - 1);
  return Math.max(shrunk, options.minDistanceUnits * 1.5);
}

/** Preferred angle of child `index` of `count`: 360°/n apart (120° for one or two), centred on +X. */
function preferredAngle(index: number, count: number): number {
  const step = (2 * Math.PI) / Math.max(count, 3);
  return index * step - ((count - 1) * step) / 2;
}

/** All children evenly round the smallest circle (not too wide) where nothing collides. */
function spreadEvenly(subtrees: readonly LocalPoint[][], radius: number, options: PlacementOptions): LocalPoint[] | undefined {
  const { minDistanceUnits } = options;
  const count = subtrees.length;
  for (let tryRadius = radius; tryRadius <= radius * EVEN_SPREAD_MAX_FACTOR; tryRadius += minDistanceUnits) {
    // Leaves alone cannot fit closer than the minimum chord; skip circles that are surely too small.
    if (count > 1 && 2 * tryRadius * Math.sin(Math.PI / Math.max(count, 3)) < minDistanceUnits) {
      continue;
    }
    const grid = new PointGrid(minDistanceUnits);
    grid.add(0, 0);
    const placed: LocalPoint[] = [];
    let fits = true;
    for (let index = 0; index < count && fits; index++) {
      const moved = transform(subtrees[index] ?? [], preferredAngle(index, count), tryRadius);
      fits = tryAdd(grid, moved, placed);
    }
    if (fits) {
      return placed;
    }
  }
  return undefined;
}

/**
 * Each child in order takes the spot nearest its preferred angle on the
 * smallest circle with room, circles growing by the minimum distance.
 */
function packGreedily(subtrees: readonly LocalPoint[][], radius: number, options: PlacementOptions): LocalPoint[] {
  const { minDistanceUnits } = options;
  const grid = new PointGrid(minDistanceUnits);
  grid.add(0, 0);
  const placed: LocalPoint[] = [];
  // Leaves fill circles from the inside out: a circle one leaf found full is skipped by the next.
  let leafFirstRing = 0;
  for (let index = 0; index < subtrees.length; index++) {
    const subtree = subtrees[index] ?? [];
    const isLeaf = subtree.length === 1;
    const preferred = preferredAngle(index, subtrees.length);
    let done = false;
    for (let ring = isLeaf ? leafFirstRing : 0; !done; ring++) {
      const ringRadius = radius + ring * minDistanceUnits;
      const angleStep = 2 * Math.asin(Math.min(1, minDistanceUnits / (2 * ringRadius)));
      const tries = Math.floor(Math.PI / angleStep);
      for (let offset = 0; offset <= 2 * tries && !done; offset++) {
        // 0, +1, -1, +2, -2, … steps away from the preferred angle.
        const signed = offset % 2 === 1 ? (offset + 1) / 2 : -offset / 2;
        done = tryAdd(grid, transform(subtree, preferred + signed * angleStep, ringRadius), placed);
      }
      if (!done && isLeaf) {
        leafFirstRing = ring + 1;
      }
    }
  }
  return placed;
}

/** Adds the points when all of them clear what is placed; reports whether it did. */
function tryAdd(grid: PointGrid, points: readonly LocalPoint[], into: LocalPoint[]): boolean {
  if (!points.every((point) => grid.isClear(point.x, point.z))) {
    return false;
  }
  for (const point of points) {
    grid.add(point.x, point.z);
    into.push(point);
  }
  return true;
}

/** Turns a subtree by `angle` and moves its root to `radius` along that angle. */
function transform(subtree: readonly LocalPoint[], angle: number, radius: number): LocalPoint[] {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return subtree.map((point) => {
    const x = point.x + radius;
    return { id: point.id, x: x * cos - point.z * sin, z: x * sin + point.z * cos };
  });
}
