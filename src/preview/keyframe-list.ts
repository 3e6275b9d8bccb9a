/**
 * The keyframes a preview user collects: one per moment (adding at a moment
 * already taken replaces it), kept in time order, written as a camera path
 * file the renderer reads. Pure and browser-safe.
 */

import type { Vec3 } from '../camera/framing.ts';
import type { CameraPath, PathFileKeyframe } from '../camera/path-file.ts';
import { DEFAULT_EASING, formatPathFile } from '../camera/path-file.ts';
import type { CameraPose } from '../scene/contract.ts';

/** Steps of the preview's time scrubber: hundredths of a percent. */
export const SCRUBBER_STEPS = 10_000;

/** One collected view. */
export interface PreviewKeyframe {
  /** Position of the scrubber, 0 to {@link SCRUBBER_STEPS}. */
  step: number;
  pose: CameraPose;
}

/** The keyframes collected so far, in time order. */
export class KeyframeList {
  readonly #items: PreviewKeyframe[] = [];

  /** Adds a copy of `pose` at scrubber position `step`, replacing a keyframe already there. */
  add(step: number, pose: CameraPose): void {
    const copy: PreviewKeyframe = { step, pose: { ...pose, position: [...pose.position], target: [...pose.target] } };
    const at = this.#items.findIndex((item) => item.step >= step);
    if (at === -1) this.#items.push(copy);
    else this.#items.splice(at, this.#items[at]?.step === step ? 1 : 0, copy);
  }

  /** Forgets every keyframe. */
  clear(): void {
    this.#items.length = 0;
  }

  /** The keyframes, oldest moment first. */
  get items(): readonly PreviewKeyframe[] {
    return this.#items;
  }

  /** The keyframes as the path file's rows: moments as percentages of the trace. */
  fileRows(): PathFileKeyframe[] {
    return this.#items.map(({ step, pose }) => {
      const row: PathFileKeyframe = { at: percentText(step), position: round3(pose.position), target: round3(pose.target), fovDeg: pose.fovDeg };
      if (pose.viewHeight !== undefined) row.viewHeight = pose.viewHeight;
      return row;
    });
  }

  /** The text of a camera path file holding these keyframes. */
  fileText(orthographic: boolean): string {
    return formatPathFile(this.fileRows(), { orthographic });
  }

  /** The same path as the renderer would read it from {@link fileText}, for playing it back in the preview. */
  toPath(durationNs: number, orthographic: boolean): CameraPath {
    return {
      orthographic,
      keyframes: this.fileRows().map((row) => ({
        atNs: timeAtStep(durationNs, Number(row.at.slice(0, -1)) * (SCRUBBER_STEPS / 100)),
        position: row.position,
        target: row.target,
        fovDeg: Math.round(row.fovDeg * 1000) / 1000,
        easing: DEFAULT_EASING,
        ...(row.viewHeight === undefined ? {} : { viewHeight: Math.round(row.viewHeight * 1000) / 1000 }),
      })),
    };
  }
}

/** Scrubber position → `"37.25%"`. */
export function percentText(step: number): string {
  return `${step / (SCRUBBER_STEPS / 100)}%`;
}

/** Trace time of a scrubber position, rounded the way the renderer resolves a percentage. */
export function timeAtStep(durationNs: number, step: number): number {
  return Math.round((durationNs * (step / (SCRUBBER_STEPS / 100))) / 100);
}

function round3(vector: Vec3): Vec3 {
  return [Math.round(vector[0] * 1000) / 1000, Math.round(vector[1] * 1000) / 1000, Math.round(vector[2] * 1000) / 1000];
}
