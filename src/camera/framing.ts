/**
 * Framing: how far back a perspective camera must stand, looking from a
 * given direction, so that every part of the scene fits in the picture.
 */

import type { SceneData } from '../scene/contract.ts';
import { LABEL_CHAR_WIDTH, LABEL_GAP } from '../scene/label-metrics.ts';
import { sceneY } from '../scene/time-axis.ts';

/** A 3D vector as a plain tuple. */
export type Vec3 = [number, number, number];

/**
 * Something that must stay in view: a centre and half-extents measured in
 * the picture plane (labels face the camera; lines have a thickness).
 */
export interface FramePoint {
  position: Vec3;
  halfWidth: number;
  halfHeight: number;
}

/** Camera axes in world space for a camera looking at a target from direction `back`. */
export interface CameraBasis {
  right: Vec3;
  up: Vec3;
  /** Unit vector from the target towards the camera. */
  back: Vec3;
}

/**
 * Everything the camera has to keep in view: the time axis through the
 * origin, both ends of every goroutine line (padded by half the line width)
 * and every shown label's box.
 */
export function framePoints(scene: SceneData): FramePoint[] {
  const points: FramePoint[] = [];
  const pad = scene.theme.lineWidth / 2;
  const labelSize = scene.theme.labelSize;
  // The whole time axis, even where no line reaches yet.
  const axisBottomY = sceneY(scene, scene.durationNs);
  points.push({ position: [0, scene.topY, 0], halfWidth: pad, halfHeight: pad });
  points.push({ position: [0, axisBottomY, 0], halfWidth: pad, halfHeight: pad });
  for (const goroutine of scene.goroutines) {
    const topY = sceneY(scene, goroutine.createdNs);
    const bottomY = sceneY(scene, goroutine.endNs);
    points.push({ position: [goroutine.x, topY, goroutine.z], halfWidth: pad, halfHeight: pad });
    points.push({ position: [goroutine.x, bottomY, goroutine.z], halfWidth: pad, halfHeight: pad });
    if (goroutine.showLabel) {
      const centreY = topY + labelSize * (LABEL_GAP + (goroutine.labelLift ?? 0) + 0.5);
      points.push({
        position: [goroutine.x, centreY, goroutine.z],
        halfWidth: (goroutine.label.length * LABEL_CHAR_WIDTH * labelSize) / 2,
        halfHeight: labelSize / 2,
      });
    }
  }
  return points;
}

/** Centre of the axis-aligned box around the points' positions. */
export function boxCentre(points: readonly FramePoint[]): Vec3 {
  if (points.length === 0) {
    return [0, 0, 0];
  }
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const { position } of points) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis] ?? 0, position[axis] ?? 0);
      max[axis] = Math.max(max[axis] ?? 0, position[axis] ?? 0);
    }
  }
  return [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
}

/** Camera axes looking at the target from azimuth/elevation (radians); azimuth 0 looks from +X, 90° from +Z. */
export function basisFromAngles(azimuthRad: number, elevationRad: number): CameraBasis {
  const cosElevation = Math.cos(elevationRad);
  const back: Vec3 = [cosElevation * Math.cos(azimuthRad), Math.sin(elevationRad), cosElevation * Math.sin(azimuthRad)];
  // right = worldUp × back, up = back × right (the same axes three.js's lookAt builds).
  const right = normalise([back[2], 0, -back[0]]);
  const up: Vec3 = [
    back[1] * right[2] - back[2] * right[1],
    back[2] * right[0] - back[0] * right[2],
    back[0] * right[1] - back[1] * right[0],
  ];
  return { right, up, back };
}

/**
 * Smallest distance from the target along `back` at which every point fits
 * inside the view, leaving `marginShare` of the half-view free on each side.
 */
export function fitDistance(
  points: readonly FramePoint[],
  target: Vec3,
  basis: CameraBasis,
  fovDeg: number,
  aspect: number,
  marginShare: number,
): number {
  const tanHalfV = Math.tan((fovDeg * Math.PI) / 360) * (1 - marginShare);
  const tanHalfH = Math.tan((fovDeg * Math.PI) / 360) * aspect * (1 - marginShare);
  let distance = 0;
  for (const point of points) {
    const rel: Vec3 = [
      point.position[0] - target[0],
      point.position[1] - target[1],
      point.position[2] - target[2],
    ];
    const towardsCamera = dot(rel, basis.back);
    const across = Math.abs(dot(rel, basis.right)) + point.halfWidth;
    const upDown = Math.abs(dot(rel, basis.up)) + point.halfHeight;
    distance = Math.max(distance, towardsCamera + across / tanHalfH, towardsCamera + upDown / tanHalfV);
  }
  return distance;
}

/** Dot product. */
export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function normalise(v: Vec3): Vec3 {
  const length = Math.hypot(v[0], v[1], v[2]);
  return length === 0 ? [1, 0, 0] : [v[0] / length, v[1] / length, v[2] / length];
}

/**
 * Height in scene units a parallel (orthographic) view looking along
 * `basis.back` at `target` needs so every point fits, leaving `marginShare`
 * of the half-view free on each side.
 */
export function fitViewHeight(points: readonly FramePoint[], target: Vec3, basis: CameraBasis, aspect: number, marginShare: number): number {
  let halfHeight = 0;
  for (const point of points) {
    const rel: Vec3 = [point.position[0] - target[0], point.position[1] - target[1], point.position[2] - target[2]];
    const across = Math.abs(dot(rel, basis.right)) + point.halfWidth;
    const upDown = Math.abs(dot(rel, basis.up)) + point.halfHeight;
    halfHeight = Math.max(halfHeight, upDown, across / aspect);
  }
  return (2 * halfHeight) / (1 - marginShare);
}
