/**
 * Where a trace time sits on the scene's vertical axis, and which trace
 * time a point of the clip shows. Shared by the page (geometry, "now"), the
 * camera and the frame plan in Node, so all of them agree.
 *
 * The axis is linear unless the scene carries time knots (idle stretches
 * compressed); then it is linear between knots.
 */

import type { SceneData, TimeKnots } from './contract.ts';

/** The parts of a scene that define its time axis. */
export type TimeAxis = Pick<SceneData, 'topY' | 'unitsPerNs' | 'durationNs'> & { timeKnots?: TimeKnots | undefined };

/** Scene y of trace time `timeNs`; e.g. time 0 → `topY`, the trace's end → `topY - 100` with the default axis. */
export function sceneY(axis: TimeAxis, timeNs: number): number {
  const knots = axis.timeKnots;
  if (knots === undefined || knots.ns.length < 2) {
    return axis.topY - timeNs * axis.unitsPerNs;
  }
  return interpolate(knots.ns, knots.y, timeNs);
}

/**
 * The trace time shown at `progress` through the clip (0 → time 0, 1 → the
 * end), in whole nanoseconds. Evenly spaced progress gives evenly spaced
 * heights on the axis, so compressed idle stretches pass quickly.
 */
export function timeAtProgress(axis: TimeAxis, progress: number): number {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 1));
  const knots = axis.timeKnots;
  if (knots === undefined || knots.ns.length < 2) {
    return Math.round(axis.durationNs * clamped);
  }
  const topY = knots.y[0] ?? axis.topY;
  const bottomY = knots.y[knots.y.length - 1] ?? axis.topY;
  const y = topY + (bottomY - topY) * clamped;
  // y falls as time rises; interpolate on the negated heights, which rise.
  return Math.round(interpolate(knots.y.map((value) => -value), knots.ns, -y));
}

/** Piecewise-linear lookup of `at` in rising `xs`, clamped to the ends. */
function interpolate(xs: readonly number[], ys: readonly number[], at: number): number {
  const last = xs.length - 1;
  if (at <= (xs[0] ?? 0)) {
    return ys[0] ?? 0;
  }
  if (at >= (xs[last] ?? 0)) {
    return ys[last] ?? 0;
  }
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if ((xs[middle] ?? 0) <= at) {
      low = middle;
    } else {
      high = middle;
    }
  }
  const x0 = xs[low] ?? 0;
  const x1 = xs[high] ?? 0;
  const y0 = ys[low] ?? 0;
  const y1 = ys[high] ?? 0;
  return x1 === x0 ? y0 : y0 + ((at - x0) / (x1 - x0)) * (y1 - y0);
}
