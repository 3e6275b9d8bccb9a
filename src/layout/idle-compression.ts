/**
 * Compressing idle stretches of a trace: where nothing happens for a long
 * while (a 900 ms sleep between two bursts), the time axis gives that
 * stretch only a little height, so the short bursts around it get room.
 * Trace times themselves never change; only where they sit on the axis.
 */

import type { SceneArrow, SceneGoroutine, TimeKnots } from '../scene/contract.ts';

/** A quiet stretch is idle when longer than this share of the trace… */
export const IDLE_MIN_SHARE = 0.01;

/** …and longer than this many times the median gap between events. */
export const IDLE_MEDIAN_FACTOR = 10;

/** Each idle stretch keeps at most this share of the busy time's height… */
export const IDLE_KEPT_SHARE = 0.05;

/** …and all idle stretches together at most this share of it. */
export const IDLE_KEPT_TOTAL_SHARE = 0.5;

/**
 * Knots for an axis from `topY` down `axisUnits` on which idle stretches
 * are shortened; `undefined` when nothing is idle enough to compress.
 *
 * `eventTimesNs` are every moment something visible happens (state
 * changes, starts, ends, messages), in any order. An idle stretch is drawn
 * as long as the smallest of: itself, 5% of the busy time, or an equal
 * part of half the busy time. E.g. two 1 ms bursts 900 ms apart: the gap is
 * drawn 0.1 ms long, so each burst fills almost half the axis.
 */
export function compressIdle(eventTimesNs: readonly number[], durationNs: number, topY: number, axisUnits: number): TimeKnots | undefined {
  const times = [...new Set([0, durationNs, ...eventTimesNs.filter((t) => t >= 0 && t <= durationNs)])].sort((a, b) => a - b);
  const gaps: Array<{ fromNs: number; toNs: number }> = [];
  for (let i = 1; i < times.length; i++) {
    gaps.push({ fromNs: times[i - 1] ?? 0, toNs: times[i] ?? 0 });
  }

  // Which gaps are idle.
  const lengths = gaps.map((gap) => gap.toNs - gap.fromNs).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  const thresholdNs = Math.max(durationNs * IDLE_MIN_SHARE, median * IDLE_MEDIAN_FACTOR);
  const idle = gaps.filter((gap) => gap.toNs - gap.fromNs > thresholdNs);
  if (idle.length === 0) {
    return undefined;
  }

  // How long each idle gap is drawn, in nanoseconds of "display time".
  const idleNs = idle.reduce((sum, gap) => sum + gap.toNs - gap.fromNs, 0);
  const busyNs = Math.max(1, durationNs - idleNs);
  const keptNs = Math.min(busyNs * IDLE_KEPT_SHARE, (busyNs * IDLE_KEPT_TOTAL_SHARE) / idle.length);

  // Knots at both ends of each idle gap; display time runs 1:1 elsewhere.
  const knotNs = [0];
  const knotDisplay = [0];
  let displayNs = 0;
  let lastNs = 0;
  for (const gap of idle) {
    displayNs += gap.fromNs - lastNs;
    pushKnot(knotNs, knotDisplay, gap.fromNs, displayNs);
    displayNs += Math.min(gap.toNs - gap.fromNs, keptNs);
    pushKnot(knotNs, knotDisplay, gap.toNs, displayNs);
    lastNs = gap.toNs;
  }
  displayNs += durationNs - lastNs;
  pushKnot(knotNs, knotDisplay, durationNs, displayNs);

  const unitsPerDisplayNs = axisUnits / Math.max(displayNs, 1);
  return { ns: knotNs, y: knotDisplay.map((display) => topY - display * unitsPerDisplayNs) };
}

/** Every moment something is drawn: line starts and ends, state changes, messages. */
export function eventTimesNs(goroutines: readonly SceneGoroutine[], arrows: readonly SceneArrow[]): number[] {
  const times: number[] = [];
  for (const goroutine of goroutines) {
    times.push(goroutine.createdNs, goroutine.endNs);
    for (const segment of goroutine.segments) {
      times.push(segment.startNs);
    }
  }
  for (const arrow of arrows) {
    times.push(arrow.sendNs, arrow.receiveNs);
  }
  return times;
}

function pushKnot(ns: number[], display: number[], atNs: number, atDisplay: number): void {
  if (ns[ns.length - 1] === atNs) {
    display[display.length - 1] = atDisplay;
    return;
  }
  ns.push(atNs);
  display.push(atDisplay);
}
