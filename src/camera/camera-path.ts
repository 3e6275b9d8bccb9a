/**
 * Camera presets: where the camera stands at each point of the clip, as a
 * pure function of the scene and the clip's progress.
 */

import type { CameraPose, SceneData } from '../scene/contract.ts';
import { basisFromAngles, boxCentre, fitDistance, framePoints } from './framing.ts';
import type { FramePoint, Vec3 } from './framing.ts';
import { chooseAzimuthDeg } from './view-choice.ts';

/** Names of the camera presets, default first. */
export const CAMERA_PRESETS = ['orbit', 'static'] as const;

/** One of {@link CAMERA_PRESETS}. */
export type CameraPreset = (typeof CAMERA_PRESETS)[number];

/** Vertical field of view of every preset. */
export const CAMERA_FOV_DEG = 40;

/** Height of the camera above the horizontal through the target. */
export const CAMERA_ELEVATION_DEG = 22;

/** Preferred azimuth of both presets; each turns away from it when lines would hide each other there. */
export const PREFERRED_AZIMUTH_DEG = 35;

/** How far `orbit` turns over the whole clip: a slow partial turn, so depth reads without dizziness. */
export const ORBIT_SWEEP_DEG = 90;

/** Share of the half-view left empty around the scene on every side. */
const FRAME_MARGIN = 0.06;

/** Orbit views tried when choosing one distance that frames the scene from every angle of the turn. */
const ORBIT_SAMPLES = 48;

/**
 * The camera pose for a preset at `progress` (0 at the clip's first frame,
 * 1 at its last; values outside are clamped). The whole scene fits in the
 * picture at the output's aspect ratio. `static` is a fixed three-quarter
 * view from a little above; `orbit` turns {@link ORBIT_SWEEP_DEG} degrees
 * at constant speed around the scene's centre, keeping one distance for the
 * whole clip so nothing breathes in and out. Both look from the azimuth
 * where the leading goroutines' lines stay apart on screen.
 */
export function cameraPose(preset: CameraPreset, scene: SceneData, progress: number): CameraPose {
  const framing = framingOf(scene);
  const elevationRad = degToRad(CAMERA_ELEVATION_DEG);

  if (preset === 'static') {
    return poseAt(framing.target, degToRad(framing.staticAzimuthDeg), elevationRad, framing.staticDistance);
  }

  const clamped = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
  const azimuthRad = orbitAzimuthRad(framing.orbitCentreDeg, clamped);
  // Between two samples the need can rise a little; the view at hand is checked too.
  const distance = Math.max(
    framing.orbitDistance,
    distanceFor(framing.points, framing.target, azimuthRad, elevationRad, framing.aspect),
  );
  return poseAt(framing.target, azimuthRad, elevationRad, distance);
}

interface SceneFraming {
  points: FramePoint[];
  target: Vec3;
  aspect: number;
  staticAzimuthDeg: number;
  staticDistance: number;
  /** Azimuth at the middle of the orbit. */
  orbitCentreDeg: number;
  /** One distance that frames the scene from every sampled angle of the orbit. */
  orbitDistance: number;
}

/** Framing depends only on the scene, and a render asks for it once per frame: keep it per scene object. */
const framingCache = new WeakMap<SceneData, SceneFraming>();

function framingOf(scene: SceneData): SceneFraming {
  const cached = framingCache.get(scene);
  if (cached !== undefined) {
    return cached;
  }
  const points = framePoints(scene);
  const target = boxCentre(points);
  const aspect = scene.width / Math.max(scene.height, 1);
  const elevationRad = degToRad(CAMERA_ELEVATION_DEG);
  const orbitCentreDeg = chooseAzimuthDeg(scene, ORBIT_SWEEP_DEG, PREFERRED_AZIMUTH_DEG);
  let orbitDistance = 0;
  for (let sample = 0; sample <= ORBIT_SAMPLES; sample++) {
    const azimuthRad = orbitAzimuthRad(orbitCentreDeg, sample / ORBIT_SAMPLES);
    orbitDistance = Math.max(orbitDistance, distanceFor(points, target, azimuthRad, elevationRad, aspect));
  }
  const staticAzimuthDeg = chooseAzimuthDeg(scene, 0, PREFERRED_AZIMUTH_DEG);
  const staticDistance = distanceFor(points, target, degToRad(staticAzimuthDeg), elevationRad, aspect);
  const framing = { points, target, aspect, staticAzimuthDeg, staticDistance, orbitCentreDeg, orbitDistance };
  framingCache.set(scene, framing);
  return framing;
}

/** Azimuth of an orbit centred on `centreDeg` at a given progress, in radians. */
function orbitAzimuthRad(centreDeg: number, progress: number): number {
  return degToRad(centreDeg - ORBIT_SWEEP_DEG / 2 + ORBIT_SWEEP_DEG * progress);
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
