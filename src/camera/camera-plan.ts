/**
 * The camera of one render: a preset with its options, or a path of
 * keyframes from a file. One call gives the pose for any frame.
 */

import type { CameraPose, SceneData } from '../scene/contract.ts';
import { cameraPose, type CameraOptions, type CameraPreset } from './camera-path.ts';
import { poseOnPath } from './keyframe-track.ts';
import type { CameraPath } from './path-file.ts';

/** A preset (with options) or a keyframe path; a bare preset name is accepted too. */
export type CameraPlan = CameraPreset | { preset: CameraPreset; options?: CameraOptions } | { path: CameraPath };

/**
 * The pose of `plan` for a frame: presets follow the clip's `progress`
 * (0 first frame, 1 last); paths follow the frame's trace time `timeNs`,
 * so a still at a moment shows what a clip shows when it passes it.
 */
export function planPose(plan: CameraPlan, scene: SceneData, progress: number, timeNs: number): CameraPose {
  if (typeof plan === 'string') return cameraPose(plan, scene, progress);
  if ('path' in plan) return poseOnPath(plan.path, timeNs);
  return cameraPose(plan.preset, scene, progress, plan.options);
}
