/**
 * Camera presets: where the camera stands at each point of the clip, as a
 * pure function of the scene, the clip's progress and a few options.
 */

import type { CameraPose, SceneData } from '../scene/contract.ts';
import { sceneY } from '../scene/time-axis.ts';
import { basisFromAngles, boxCentre, fitDistance, fitViewHeight, framePoints } from './framing.ts';
import type { FramePoint, Vec3 } from './framing.ts';
import { chooseAzimuthDeg } from './view-choice.ts';

/** Names of the camera presets, default first. */
export const CAMERA_PRESETS = ['orbit', 'front', 'side', 'top', 'follow', 'static'] as const;

/** One of {@link CAMERA_PRESETS}. */
export type CameraPreset = (typeof CAMERA_PRESETS)[number];

/** Vertical field of view of every preset unless {@link CameraOptions.fovDeg} says otherwise. */
export const CAMERA_FOV_DEG = 40;

/** Height of the camera above the horizontal through the target, for the presets that look from a little above. */
export const CAMERA_ELEVATION_DEG = 22;

/** Preferred azimuth of the presets that choose their own; each turns away from it when lines would hide each other there. */
export const PREFERRED_AZIMUTH_DEG = 35;

/** How far `orbit` turns over the whole clip: a slow partial turn, so depth reads without dizziness. */
export const ORBIT_SWEEP_DEG = 90;

/** Share of the scene's height that `follow` keeps in view around the current time. */
export const FOLLOW_WINDOW_SHARE = 0.35;

/** Where `front` prefers to look from (+z); like the others it turns away when lines would hide each other. */
const FRONT_AZIMUTH_DEG = 90;

/** Elevation of `top`: straight down would leave "up" on screen undefined. */
const TOP_ELEVATION_DEG = 89;

/** Share of the half-view left empty around the scene on every side. */
const FRAME_MARGIN = 0.06;

/** Orbit views tried when choosing one distance that frames the scene from every angle of the turn. */
const ORBIT_SAMPLES = 48;

/** Adjustments to a preset; every field is optional. */
export interface CameraOptions {
  /** Multiplies the distance (or, orthographic, the view height) that just fits the scene: 0.5 is twice as close. Default 1. */
  distanceScale?: number;
  /** Height above the horizontal in degrees, -89 to 89; default per preset (22, or 0 for `front` and `side`, 89 for `top`). */
  elevationDeg?: number;
  /** Vertical field of view in degrees; default {@link CAMERA_FOV_DEG}. */
  fovDeg?: number;
  /** Parallel projection: no perspective, sizes do not shrink with depth. */
  orthographic?: boolean;
}

/**
 * The camera pose for a preset at `progress` (0 at the clip's first frame,
 * 1 at its last; values outside are clamped). The whole scene fits in the
 * picture at the output's aspect ratio.
 *
 * - `orbit` turns {@link ORBIT_SWEEP_DEG} degrees at constant speed round
 *   the scene's centre, keeping one distance so nothing breathes in and out;
 * - `static` holds a three-quarter view from a little above;
 * - `front` looks level, from +z unless lines would hide each other there;
 *   `side` looks level from a quarter turn to its right; `top` looks down the time axis;
 * - `follow` looks at the "now" line from a little above and moves down the
 *   scene with it, keeping {@link FOLLOW_WINDOW_SHARE} of the height in view.
 *
 * All but `side` look from an azimuth where the leading goroutines' lines
 * stay apart on screen.
 */
export function cameraPose(preset: CameraPreset, scene: SceneData, progress: number, options: CameraOptions = {}): CameraPose {
  const framing = framingOf(scene, preset, options);
  const clamped = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
  const elevationRad = degToRad(options.elevationDeg ?? defaultElevationDeg(preset));

  if (preset === 'orbit') {
    const azimuthRad = orbitAzimuthRad(framing.azimuthDeg, clamped);
    // Between two samples the need can rise a little; the view at hand is checked too.
    const here = fitFor(framing.points, framing.target, azimuthRad, elevationRad, framing.aspect, options);
    const fit = { distance: Math.max(framing.distance, here.distance), viewHeight: Math.max(framing.viewHeight, here.viewHeight) };
    return poseAt(framing.target, azimuthRad, elevationRad, fit, options);
  }

  const target: Vec3 = [...framing.target];
  if (preset === 'follow') {
    target[1] = scene.topY + (sceneY(scene, scene.durationNs) - scene.topY) * clamped;
  }
  return poseAt(target, degToRad(framing.azimuthDeg), elevationRad, framing, options);
}

/** The elevation a preset uses when none is given, in degrees. */
export function defaultElevationDeg(preset: CameraPreset): number {
  if (preset === 'front' || preset === 'side') return 0;
  if (preset === 'top') return TOP_ELEVATION_DEG;
  return CAMERA_ELEVATION_DEG;
}

interface Fit {
  /** How far back a perspective camera stands. */
  distance: number;
  /** Height in scene units an orthographic view needs. */
  viewHeight: number;
}

interface SceneFraming extends Fit {
  points: FramePoint[];
  target: Vec3;
  aspect: number;
  /** The fixed azimuth, or for `orbit` the one at the middle of the turn. */
  azimuthDeg: number;
}

/** Framing depends only on the scene and the settings, and a render asks for it once per frame: keep it per scene object. */
const framingCache = new WeakMap<SceneData, Map<string, SceneFraming>>();

function framingOf(scene: SceneData, preset: CameraPreset, options: CameraOptions): SceneFraming {
  const key = JSON.stringify([preset, options.elevationDeg, options.fovDeg, options.distanceScale, options.orthographic]);
  const perScene = framingCache.get(scene) ?? new Map<string, SceneFraming>();
  framingCache.set(scene, perScene);
  const cached = perScene.get(key);
  if (cached !== undefined) {
    return cached;
  }

  const all = framePoints(scene);
  const aspect = scene.width / Math.max(scene.height, 1);
  const elevationRad = degToRad(options.elevationDeg ?? defaultElevationDeg(preset));
  const azimuthDeg = azimuthFor(preset, scene);
  let points = all;
  let target = boxCentre(all);
  if (preset === 'follow') {
    // A slab of the scene around a "now" line at height 0; the camera moves it down the axis.
    const halfWindow = (Math.abs(sceneY(scene, scene.durationNs) - scene.topY) * FOLLOW_WINDOW_SHARE) / 2;
    points = scene.goroutines.flatMap((goroutine): FramePoint[] => [-halfWindow, halfWindow].map((y) => ({
      position: [goroutine.x, y, goroutine.z],
      halfWidth: scene.theme.lineWidth,
      halfHeight: 0,
    })));
    target = [target[0], 0, target[2]];
  }

  let fit: Fit = { distance: 0, viewHeight: 0 };
  const samples = preset === 'orbit' ? ORBIT_SAMPLES : 0;
  for (let sample = 0; sample <= samples; sample++) {
    const azimuthRad = preset === 'orbit' ? orbitAzimuthRad(azimuthDeg, sample / ORBIT_SAMPLES) : degToRad(azimuthDeg);
    const here = fitFor(points, target, azimuthRad, elevationRad, aspect, options);
    fit = { distance: Math.max(fit.distance, here.distance), viewHeight: Math.max(fit.viewHeight, here.viewHeight) };
  }
  const framing = { points, target, aspect, azimuthDeg, ...fit };
  perScene.set(key, framing);
  return framing;
}

function azimuthFor(preset: CameraPreset, scene: SceneData): number {
  switch (preset) {
    case 'front':
      return chooseAzimuthDeg(scene, 0, FRONT_AZIMUTH_DEG);
    case 'side':
      return chooseAzimuthDeg(scene, 0, FRONT_AZIMUTH_DEG) - 90;
    case 'orbit':
      return chooseAzimuthDeg(scene, ORBIT_SWEEP_DEG, PREFERRED_AZIMUTH_DEG);
    default:
      return chooseAzimuthDeg(scene, 0, PREFERRED_AZIMUTH_DEG);
  }
}

/** Azimuth of an orbit centred on `centreDeg` at a given progress, in radians. */
function orbitAzimuthRad(centreDeg: number, progress: number): number {
  return degToRad(centreDeg - ORBIT_SWEEP_DEG / 2 + ORBIT_SWEEP_DEG * progress);
}

function fitFor(points: readonly FramePoint[], target: Vec3, azimuthRad: number, elevationRad: number, aspect: number, options: CameraOptions): Fit {
  const basis = basisFromAngles(azimuthRad, elevationRad);
  const distance = fitDistance(points, target, basis, options.fovDeg ?? CAMERA_FOV_DEG, aspect, FRAME_MARGIN);
  const viewHeight = fitViewHeight(points, target, basis, aspect, FRAME_MARGIN);
  // An empty or one-point scene still needs the camera some way off.
  return { distance: Math.max(distance, 10), viewHeight: Math.max(viewHeight, 1) };
}

function poseAt(target: Vec3, azimuthRad: number, elevationRad: number, fit: Fit, options: CameraOptions): CameraPose {
  const { back } = basisFromAngles(azimuthRad, elevationRad);
  const scale = options.distanceScale ?? 1;
  // A parallel view zooms by its height; it stays at the fitted distance so nothing falls behind it.
  const distance = options.orthographic === true ? fit.distance : fit.distance * scale;
  const pose: CameraPose = {
    position: [target[0] + back[0] * distance, target[1] + back[1] * distance, target[2] + back[2] * distance],
    target: [target[0], target[1], target[2]],
    fovDeg: options.fovDeg ?? CAMERA_FOV_DEG,
  };
  if (options.orthographic === true) {
    pose.orthographic = true;
    pose.viewHeight = fit.viewHeight * scale;
  }
  return pose;
}

function degToRad(degrees: number): number {
  return (degrees * Math.PI) / 180;
}
