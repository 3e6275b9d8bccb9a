/**
 * Places goroutines in the horizontal (XZ) plane: the root at the origin,
 * every child on a circle around its parent, the circle shrinking with depth.
 *
 * No two goroutines end up closer than `minDistanceUnits`. Each subtree is
 * laid out on its own first, which gives its extent (the distance from its
 * root to its farthest descendant); siblings are then set on a ring so that
 * the discs of radius `extent + minDistance / 2` around them do not touch,
 * and so that the parent keeps `minDistance` from every descendant. A ring
 * that is full spills over onto a wider ring around it. Children fan out
 * away from the grandparent, as in the original drawing.
 */

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
  baseRadiusUnits: 50,
  minDistanceUnits: 4,
};

/** Slack added to every clearance so rounding never brings two lines under the minimum. */
const CLEARANCE_SLACK_UNITS = 1e-6;

interface LocalPoint {
  id: number;
  x: number;
  z: number;
}

interface LocalLayout {
  points: LocalPoint[];
  /** Distance from the subtree's root to its farthest descendant. */
  extent: number;
}

/** Places the whole tree; the root lands at x = z = 0. */
export function placeTree(root: TreeNode, options: PlacementOptions = DEFAULT_PLACEMENT): Map<number, PlanePoint> {
  const layout = layoutSubtree(root, 0, options);
  const positions = new Map<number, PlanePoint>();
  for (const point of layout.points) {
    positions.set(point.id, { x: point.x, z: point.z });
  }
  return positions;
}

function layoutSubtree(node: TreeNode, depth: number, options: PlacementOptions): LocalLayout {
  const points: LocalPoint[] = [{ id: node.id, x: 0, z: 0 }];
  if (node.children.length === 0) {
    return { points, extent: 0 };
  }

  const subtrees = node.children.map((child) => layoutSubtree(child, depth + 1, options));
  const halfGap = options.minDistanceUnits / 2 + CLEARANCE_SLACK_UNITS;
  const widths = subtrees.map((subtree) => subtree.extent + halfGap);
  const widestExtent = maxOf(subtrees.map((subtree) => subtree.extent));

  let radius = Math.max(nominalRadius(depth + 1, options), widestExtent + 2 * halfGap);
  let extent = 0;
  let first = 0;
  while (first < subtrees.length) {
    const ringWidths = widths.slice(first);
    const packed = packRing(ringWidths, radius);
    const count = packed.length;
    const members = ringWidths.slice(0, count);
    const angles = spreadEvenly(members, radius) ?? centred(packed);

    for (let k = 0; k < count; k++) {
      const subtree = subtrees[first + k];
      const angle = angles[k];
      if (subtree === undefined || angle === undefined) {
        continue;
      }
      placeRotated(points, subtree, angle, radius);
      extent = Math.max(extent, radius + subtree.extent);
    }

    // The next ring clears this one radially, whatever the angles.
    const rest = widths.slice(first + count);
    radius += maxOf(members) + maxOf(rest);
    first += count;
  }
  return { points, extent };
}

function nominalRadius(depth: number, options: PlacementOptions): number {
  const shrunk = options.baseRadiusUnits / 2 ** Math.max(0, depth - 1);
  return Math.max(shrunk, options.minDistanceUnits * 1.5);
}

/** Angle between two ring members of half-widths a and b so their discs just clear. */
function clearanceAngle(a: number, b: number, radius: number): number {
  return 2 * Math.asin(Math.min(1, (a + b) / (2 * radius)));
}

/**
 * Greedy packing from angle 0: each member goes at the smallest angle that
 * clears every member already on the ring, both ways round. Returns the
 * angles of the members that fit (always at least one).
 */
function packRing(widths: readonly number[], radius: number): number[] {
  const angles: number[] = [];
  for (let k = 0; k < widths.length; k++) {
    const width = widths[k] ?? 0;
    let angle = 0;
    for (let j = 0; j < angles.length; j++) {
      angle = Math.max(angle, (angles[j] ?? 0) + clearanceAngle(widths[j] ?? 0, width, radius));
    }
    let fits = true;
    for (let j = 0; j < angles.length && fits; j++) {
      fits = angle + clearanceAngle(width, widths[j] ?? 0, radius) <= (angles[j] ?? 0) + 2 * Math.PI;
    }
    if (!fits) {
      break;
    }
    angles.push(angle);
  }
  return angles;
}

/**
 * Even spacing, 360°/n apart (120° apart for one or two members), centred
 * on angle 0; `undefined` when even spacing would bring two members too close.
 */
function spreadEvenly(widths: readonly number[], radius: number): number[] | undefined {
  const count = widths.length;
  const step = (2 * Math.PI) / Math.max(count, 3);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      const apart = (j - i) * step;
      const shorter = Math.min(apart, 2 * Math.PI - apart);
      if (2 * radius * Math.sin(shorter / 2) < (widths[i] ?? 0) + (widths[j] ?? 0)) {
        return undefined;
      }
    }
  }
  const offset = ((count - 1) * step) / 2;
  return widths.map((_, k) => k * step - offset);
}

/** Largest value, 0 for an empty list (spreading a huge list into Math.max could overflow the stack). */
function maxOf(values: readonly number[]): number {
  let largest = 0;
  for (const value of values) {
    largest = Math.max(largest, value);
  }
  return largest;
}

function centred(angles: readonly number[]): number[] {
  const last = angles[angles.length - 1] ?? 0;
  return angles.map((angle) => angle - last / 2);
}

function placeRotated(into: LocalPoint[], subtree: LocalLayout, angle: number, radius: number): void {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const originX = radius * cos;
  const originZ = radius * sin;
  for (const point of subtree.points) {
    into.push({
      id: point.id,
      x: originX + point.x * cos - point.z * sin,
      z: originZ + point.x * sin + point.z * cos,
    });
  }
}
