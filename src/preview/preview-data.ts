/**
 * What the preview server hands its page (`/scene.json`), and what the page
 * exposes on `window.gotracePreview` for scripts and tests. Plain JSON.
 */

import type { CameraPose, SceneData } from '../scene/contract.ts';

/** Everything the preview page needs. */
export interface PreviewData {
  /** The scene exactly as a render with the same flags would draw it. */
  scene: SceneData;
  /** The view to start from: the chosen preset's at the end of the clip, or the path's first keyframe. */
  initialPose: CameraPose;
  /** Keyframes read from a camera path file, at scrubber positions (hundredths of a percent). */
  keyframes: Array<{ step: number; pose: CameraPose }>;
  /** Seconds that playing the whole trace takes, as in the rendered clip. */
  clipSeconds: number;
}

/** The page's state for scripts, installed once the scene is drawn. */
export interface PreviewApi {
  ready: true;
  /** The view being shown. */
  pose(): CameraPose;
  /** The trace time being shown. */
  timeNs(): number;
  /** The camera path file of the keyframes so far. */
  pathText(): string;
  /** Draws the current view and returns its RGBA bytes, bottom row first. */
  snapshot(): number[];
}
