/**
 * Keeping shown labels from covering each other: labels whose goroutines
 * stand close together and start at about the same time are stacked, each
 * one lifted above the last, instead of being drawn on top of each other.
 */

import type { SceneGoroutine } from '../scene/contract.ts';
import { LABEL_CHAR_WIDTH } from '../scene/label-metrics.ts';
import type { TimeAxis } from '../scene/time-axis.ts';
import { sceneY } from '../scene/time-axis.ts';

/** Stacked labels sit this many label heights apart. */
const STACK_STEP = 1.05;

/**
 * Sets `labelLift` (in label heights) on shown labels that would overlap an
 * earlier one, in the order given (most important first). Two labels
 * overlap when their goroutines are closer across than half their widths
 * together (seen from any side) and their boxes overlap in height.
 */
export function stackLabels(goroutines: readonly SceneGoroutine[], axis: TimeAxis, labelSize: number): void {
  const placed: Array<{ x: number; z: number; halfWidth: number; bottomY: number }> = [];
  for (const goroutine of goroutines) {
    if (!goroutine.showLabel) {
      continue;
    }
    const halfWidth = (goroutine.label.length * LABEL_CHAR_WIDTH * labelSize) / 2;
    let bottomY = sceneY(axis, goroutine.createdNs);
    const startY = bottomY;
    // Lift until clear of every label placed so far; each lift can only meet labels higher up.
    for (let moved = true; moved; ) {
      moved = false;
      for (const other of placed) {
        const across = Math.hypot(other.x - goroutine.x, other.z - goroutine.z);
        const lifted = other.bottomY + labelSize * STACK_STEP;
        // Only ever upwards, by a real step: rounding must not make a label "move" to where it already is.
        if (across < halfWidth + other.halfWidth && Math.abs(other.bottomY - bottomY) < labelSize * STACK_STEP && lifted > bottomY + labelSize * 1e-6) {
          bottomY = lifted;
          moved = true;
        }
      }
    }
    if (bottomY !== startY) {
      goroutine.labelLift = (bottomY - startY) / labelSize;
    }
    placed.push({ x: goroutine.x, z: goroutine.z, halfWidth, bottomY });
  }
}
