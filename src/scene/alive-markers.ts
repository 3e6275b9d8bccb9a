/**
 * Rings round the bottom of every goroutine still alive when the trace
 * ends, the mark of a goroutine that never finished (a leak, or a server
 * loop). One merged mesh, drawn with the link material: a ring appears when
 * "now" reaches the end of the trace.
 */

import type { SceneData } from './contract.ts';
import { hexToRgb } from './colour.ts';
import { GeometryBuilder } from './geometry-builder.ts';
import { RevealRange } from './reveal-range.ts';
import type { RevealedGeometry } from './reveal-range.ts';
import { sceneY } from './time-axis.ts';

/** Outer ring radius relative to the line's width, but never below {@link MIN_OUTER_RADIUS_UNITS}. */
const OUTER_RADIUS_SHARE = 1.25;
const MIN_OUTER_RADIUS_UNITS = 1.6;
/** Inner radius relative to the outer one. */
const INNER_RADIUS_SHARE = 0.65;

/** Corners of each ring. */
const RING_STEPS = 24;

/** Rings show from a hair above the end, so the last frame (exactly the end) always has them. */
const REVEAL_SLACK_UNITS = 1e-3;

/** Builds a flat ring at the bottom of every alive goroutine's line. */
export function buildAliveMarkers(scene: SceneData): RevealedGeometry {
  const builder = new GeometryBuilder({ position: 3, aColour: 3, aAtY: 1 });
  const reveal = new RevealRange();
  const colour = hexToRgb(scene.theme.alive);
  const outer = Math.max(scene.theme.lineWidth * OUTER_RADIUS_SHARE, MIN_OUTER_RADIUS_UNITS);
  const inner = outer * INNER_RADIUS_SHARE;
  const y = sceneY(scene, scene.durationNs);
  const common = { aColour: colour, aAtY: [y + REVEAL_SLACK_UNITS] };

  for (const goroutine of scene.goroutines) {
    if (!goroutine.alive) {
      continue;
    }
    const { x, z } = goroutine;
    const corners: number[] = [];
    for (let step = 0; step < RING_STEPS; step++) {
      const angle = (step / RING_STEPS) * 2 * Math.PI;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      corners.push(
        builder.vertex({ ...common, position: [x + outer * cos, y, z + outer * sin] }),
        builder.vertex({ ...common, position: [x + inner * cos, y, z + inner * sin] }),
      );
    }
    for (let step = 0; step < RING_STEPS; step++) {
      const next = (step + 1) % RING_STEPS;
      builder.quad(corners[2 * step] ?? 0, corners[2 * next] ?? 0, corners[2 * next + 1] ?? 0, corners[2 * step + 1] ?? 0);
    }
  }
  reveal.mark(y + REVEAL_SLACK_UNITS, builder.indexCount);
  return { geometry: builder.build(), reveal };
}
