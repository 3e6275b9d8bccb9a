/**
 * Choosing the direction to look from. Goroutine lines are vertical, so two
 * lines that land on the same screen column hide each other; the best
 * azimuth keeps the leading goroutines' lines apart across the picture for
 * the whole camera move.
 */

import type { SceneData } from '../scene/contract.ts';

/** Only the earliest goroutines count: they are the ones a viewer follows. */
const LEADING_GOROUTINES = 24;

/** Candidate azimuths are this many degrees apart. */
const CANDIDATE_STEP_DEG = 5;

/** Views sampled along a sweep when judging it. */
const SWEEP_SAMPLES = 9;

/** Views scoring at least this share of the best are good enough; the one nearest the preferred azimuth wins. */
const GOOD_ENOUGH_SHARE = 0.5;

/**
 * The azimuth (degrees, 0 looks from +X, 90 from +Z) at the middle of the
 * best sweep of `sweepDeg` degrees: the one whose worst view keeps the
 * leading lines farthest apart on screen. `sweepDeg` 0 judges a single view.
 * Any candidate scoring at least half the best is good enough, and of
 * those the one nearest `preferredDeg` is taken, so the usual three-quarter
 * view survives unless it hides lines badly.
 */
export function chooseAzimuthDeg(scene: SceneData, sweepDeg: number, preferredDeg: number): number {
  const leading = [...scene.goroutines]
    .sort((a, b) => a.createdNs - b.createdNs || a.id - b.id)
    .slice(0, LEADING_GOROUTINES)
    .map((goroutine) => [goroutine.x, goroutine.z] as const);
  if (leading.length < 2) {
    return preferredDeg;
  }

  const candidates: Array<{ centreDeg: number; score: number }> = [];
  for (let offset = 0; offset < 360; offset += CANDIDATE_STEP_DEG) {
    const centreDeg = preferredDeg + offset;
    candidates.push({ centreDeg, score: sweepScore(leading, centreDeg, sweepDeg) });
  }
  const best = Math.max(...candidates.map((candidate) => candidate.score));
  const ties = candidates.filter((candidate) => candidate.score >= best * GOOD_ENOUGH_SHARE);
  ties.sort((a, b) => angularGap(a.centreDeg, preferredDeg) - angularGap(b.centreDeg, preferredDeg));
  return normaliseDeg(ties[0]?.centreDeg ?? preferredDeg);
}

/** The smallest screen-column gap between two leading lines over the sweep's sampled views. */
function sweepScore(points: ReadonlyArray<readonly [number, number]>, centreDeg: number, sweepDeg: number): number {
  const samples = sweepDeg === 0 ? 1 : SWEEP_SAMPLES;
  let worst = Infinity;
  for (let sample = 0; sample < samples; sample++) {
    const share = samples === 1 ? 0.5 : sample / (samples - 1);
    const azimuthRad = ((centreDeg - sweepDeg / 2 + sweepDeg * share) * Math.PI) / 180;
    // Screen-right for a camera at this azimuth, as three.js's lookAt builds it.
    const rightX = Math.sin(azimuthRad);
    const rightZ = -Math.cos(azimuthRad);
    const columns = points.map(([x, z]) => x * rightX + z * rightZ).sort((a, b) => a - b);
    for (let i = 1; i < columns.length; i++) {
      worst = Math.min(worst, (columns[i] ?? 0) - (columns[i - 1] ?? 0));
    }
  }
  return worst;
}

function angularGap(aDeg: number, bDeg: number): number {
  const gap = Math.abs(normaliseDeg(aDeg) - normaliseDeg(bDeg));
  return Math.min(gap, 360 - gap);
}

function normaliseDeg(degrees: number): number {
  return ((degrees % 360) + 360) % 360;
}
