/**
 * Where the camera is between the keyframes of a path: a pure function of
 * trace time, shared by the renderer and the preview page so both show the
 * same view at the same moment.
 */

import type { CameraPose } from '../scene/contract.ts';
import type { Vec3 } from './framing.ts';
import type { CameraKeyframe, CameraPath, Easing } from './path-file.ts';

/** A curve may overshoot; the camera never goes quite over the top, where "up" on screen is undefined. */
const MAX_ELEVATION_RAD = (89.5 * Math.PI) / 180;

/**
 * The pose at trace time `timeNs`: before the first keyframe the first one
 * holds, after the last the last one; in between each keyframe's easing
 * decides how the camera reaches the next. The target, field of view and
 * view height move straight; the camera swings round the target, blending
 * its distance, azimuth (the shorter way round) and elevation, so a move
 * between two views of the scene never cuts through it. Two keyframes at
 * the same time make a cut.
 */
export function poseOnPath(path: CameraPath, timeNs: number): CameraPose {
  const { keyframes } = path;
  const first = keyframes[0] as CameraKeyframe;
  const last = keyframes[keyframes.length - 1] as CameraKeyframe;
  if (timeNs <= first.atNs) return poseOf(path, first);
  if (timeNs >= last.atNs) return poseOf(path, last);

  // The segment holding timeNs: the last keyframe at or before it, and the next.
  let index = 0;
  while (index + 1 < keyframes.length && (keyframes[index + 1] as CameraKeyframe).atNs <= timeNs) index++;
  const from = keyframes[index] as CameraKeyframe;
  const to = keyframes[index + 1] as CameraKeyframe;
  const share = (timeNs - from.atNs) / (to.atNs - from.atNs);
  if (share === 0) return poseOf(path, from);
  const before = keyframes[Math.max(0, index - 1)] as CameraKeyframe;
  const after = keyframes[Math.min(keyframes.length - 1, index + 2)] as CameraKeyframe;
  const mix = (pick: (keyframe: CameraKeyframe) => number): number =>
    blend(from.easing, share, pick(before), pick(from), pick(to), pick(after));
  // The camera's offset from its target moves round it, not through it: blend distance and angles.
  const offsets = new Map(orbitOffsets(keyframes).map((offset, i) => [keyframes[i], offset]));
  const offset = (pick: (offset: OrbitOffset) => number) => (keyframe: CameraKeyframe) => pick(offsets.get(keyframe) as OrbitOffset);

  const target: Vec3 = [mix((k) => k.target[0]), mix((k) => k.target[1]), mix((k) => k.target[2])];
  const distance = Math.max(0, mix(offset((o) => o.distance)));
  const azimuthRad = mix(offset((o) => o.azimuthRad));
  const elevationRad = Math.max(-MAX_ELEVATION_RAD, Math.min(MAX_ELEVATION_RAD, mix(offset((o) => o.elevationRad))));
  const pose: CameraPose = {
    position: [
      target[0] + distance * Math.cos(elevationRad) * Math.cos(azimuthRad),
      target[1] + distance * Math.sin(elevationRad),
      target[2] + distance * Math.cos(elevationRad) * Math.sin(azimuthRad),
    ],
    target,
    fovDeg: mix((k) => k.fovDeg),
  };
  if (path.orthographic) {
    pose.orthographic = true;
    // A height never passes through zero, even where a curve overshoots.
    pose.viewHeight = Math.max(1e-3, mix((k) => k.viewHeight ?? 100));
  }
  return pose;
}

/** Value between `b` (share 0) and `c` (share 1); `a` and `d` are the neighbours a curve bends towards. */
export function blend(easing: Easing, share: number, a: number, b: number, c: number, d: number): number {
  switch (easing) {
    case 'linear':
      return b + (c - b) * share;
    case 'ease-in-out': {
      const eased = share * share * (3 - 2 * share);
      return b + (c - b) * eased;
    }
    case 'cubic': {
      // Catmull-Rom: passes through every keyframe without stopping at it.
      const s2 = share * share;
      const s3 = s2 * share;
      return 0.5 * (2 * b + (c - a) * share + (2 * a - 5 * b + 4 * c - d) * s2 + (3 * b - a - 3 * c + d) * s3);
    }
  }
}

/** Where the camera stands relative to its target: distance, azimuth round the vertical and elevation above the horizontal. */
interface OrbitOffset {
  distance: number;
  azimuthRad: number;
  elevationRad: number;
}

/** Offsets of all keyframes, azimuths unwrapped so each differs from the one before by at most half a turn. */
function orbitOffsets(keyframes: readonly CameraKeyframe[]): OrbitOffset[] {
  const offsets: OrbitOffset[] = [];
  for (const keyframe of keyframes) {
    const dx = keyframe.position[0] - keyframe.target[0];
    const dy = keyframe.position[1] - keyframe.target[1];
    const dz = keyframe.position[2] - keyframe.target[2];
    const distance = Math.hypot(dx, dy, dz);
    let azimuthRad = Math.atan2(dz, dx);
    const previous = offsets[offsets.length - 1];
    if (previous !== undefined) azimuthRad += Math.round((previous.azimuthRad - azimuthRad) / (2 * Math.PI)) * 2 * Math.PI;
    offsets.push({ distance, azimuthRad, elevationRad: distance === 0 ? 0 : Math.asin(dy / distance) });
  }
  return offsets;
}

function poseOf(path: CameraPath, keyframe: CameraKeyframe): CameraPose {
  const pose: CameraPose = { position: copy(keyframe.position), target: copy(keyframe.target), fovDeg: keyframe.fovDeg };
  if (path.orthographic) {
    pose.orthographic = true;
    pose.viewHeight = keyframe.viewHeight ?? 100;
  }
  return pose;
}

function copy(vector: Vec3): Vec3 {
  return [vector[0], vector[1], vector[2]];
}
