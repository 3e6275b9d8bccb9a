/**
 * Camera presets: where the camera stands at each point of the clip, as a
 * pure function of the scene and the clip's progress.
 */

import type { CameraPose, SceneData } from '../scene/contract.ts';
import { basisFromAngles, boxCentre, fitDistance, framePoints } from './framing.ts';
import type { FramePoint, Vec3 } from './framing.ts';

/** Names of the camera presets, default first. */
export const CAMERA_PRESETS = ['orbit', 'static'] as const;

/** One of {@link CAMERA_PRESETS}. */
export type CameraPreset = (typeof CAMERA_PRESETS)[number];

/** Vertical field of view of every preset. */
export const CAMERA_FOV_DEG = 40;

/** Height of the camera above the horizontal through the target. */
export const CAMERA_ELEVATION_DEG = 22;

/** The fixed three-quarter view of `static`, which is also the middle of `orbit`. */
export const STATIC_AZIMUTH_DEG = 35;

/** How far `orbit` turns over the whole clip: a slow partial turn, so depth reads without dizziness. */
export const ORBIT_SWEEP_DEG = 100;

/** Share of the half-view left empty around the scene on every side. */
const FRAME_MARGIN = 0.06;

/** Orbit views tried when choosing one distance that frames the scene from every angle of the turn. */
const ORBIT_SAMPLES = 48;

/**
 * The camera pose for a preset at `progress` (0 at the clip's first frame,
 * 1 at its last; values outside are clamped). The whole scene fits in the
 * picture at the output's aspect ratio. `orbit` turns at constant speed
 * around the scene's centre, keeping one distance for the whole clip so
 * nothing breathes in and out.
 */
export function cameraPose(preset: CameraPreset, scene: SceneData, progress: number): CameraPose {
  const points = framePoints(scene);
  const target = boxCentre(points);
  const aspect = scene.width / Math.max(scene.height, 1);
  const elevationRad = degToRad(CAMERA_ELEVATION_DEG);

  if (preset === 'static') {
    const azimuthRad = degToRad(STATIC_AZIMUTH_DEG);
    const distance = distanceFor(points, target, azimuthRad, elevationRad, aspect);
    return poseAt(target, azimuthRad, elevationRad, distance);
  }

  const clamped = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
  let distance = 0;
  for (let sample = 0; sample <= ORBIT_SAMPLES; sample++) {
    const azimuthRad = orbitAzimuthRad(sample / ORBIT_SAMPLES);
    distance = Math.max(distance, distanceFor(points, target, azimuthRad, elevationRad, aspect));
  }
  // Between two samples the need can rise a little; the view at hand is checked too.
  const azimuthRad = orbitAzimuthRad(clamped);
  distance = Math.max(distance, distanceFor(points, target, azimuthRad, elevationRad, aspect));
  return poseAt(target, azimuthRad, elevationRad, distance);
}

/** Azimuth of the orbit at a given progress, in radians. */
export function orbitAzimuthRad(progress: number): number {
  return degToRad(STATIC_AZIMUTH_DEG - ORBIT_SWEEP_DEG / 2 + ORBIT_SWEEP_DEG * progress);
}

function distanceFor(
  points: readonly FramePoint[],
  target: Vec3,
  azimuthRad: number,
  elevationRad: number,
  aspect: number,
): number {
  const basis = basisFromAngles(azimuthRad, elevationRad);
  const distance = fitDistance(points, target, basis, CAMERA_FOV_DEG, aspect, FRAME_MARGIN);
  // An empty or one-point scene still needs the camera some way off.
  return Math.max(distance, 10);
}

function poseAt(target: Vec3, azimuthRad: number, elevationRad: number, distance: number): CameraPose {
  const { back } = basisFromAngles(azimuthRad, elevationRad);
  return {
    position: [target[0] + back[0] * distance, target[1] + back[1] * distance, target[2] + back[2] * distance],
    target: [target[0], target[1], target[2]],
    fovDeg: CAMERA_FOV_DEG,
  };
}

function degToRad(degrees: number): number {
  return (degrees * Math.PI) / 180;
}
